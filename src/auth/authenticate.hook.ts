import type { FastifyInstance } from 'fastify';
import { Authenticator } from './authenticator';

/**
 * Authenticates every request in an early `onRequest` hook, before the rate limit (which keys on
 * the principal) and before the body is read. It never answers: the guard refuses, on the routes
 * that need a principal; public routes ignore whatever was sent.
 */
export function authenticateRequests(fastify: FastifyInstance, authenticator: Authenticator): void {
  fastify.decorateRequest('auth', undefined);
  fastify.addHook('onRequest', async (request) => {
    const result = await authenticator.authenticate(request.headers);
    request.auth =
      'error' in result
        ? { principal: null, error: result.error, failure: result.error.reason }
        : { principal: result.principal, error: null, failure: null };
  });
}
