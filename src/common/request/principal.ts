import type { FastifyRequest } from 'fastify';

/**
 * Who is calling, as far as the audit log and idempotency keys need to know: the id of the
 * principal authentication attached to the request (`key:<id>` or `sub:<subject>`), or null when
 * access control is disabled. This is the one place that reads it.
 */
export function principalIdOf(request: FastifyRequest): string | null {
  return request.auth?.principal?.id ?? null;
}
