import type { FastifyRequest } from 'fastify';

/**
 * Who is calling, as far as the audit log and idempotency keys need to know: the id of the
 * principal authentication attached to the request, or null while no authentication runs.
 * This is the one place that reads it.
 */
export function principalIdOf(request: FastifyRequest): string | null {
  const principal = (request as FastifyRequest & { principal?: { id?: unknown } }).principal;
  return typeof principal?.id === 'string' ? principal.id : null;
}
