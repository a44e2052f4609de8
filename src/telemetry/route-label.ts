import type { FastifyRequest } from 'fastify';
import { UNMATCHED_ROUTE } from './metric-names';

/**
 * The route template (`/api/v1/vdns/:vdnId/file-servers/:serverId`), never the URL: ids stay out
 * of labels, span names and their cardinality. Requests no route matched share one value.
 */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? UNMATCHED_ROUTE;
}
