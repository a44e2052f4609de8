import { parse } from 'fast-querystring';

/**
 * The query string's one parser: Fastify's router (`routerOptions.querystringParser`) and the memory
 * lane (src/edge/memory-lane.ts) both read a query through it, so the two cannot read one differently.
 * It is find-my-way's own default, named here.
 */
export function parseQuery(query: string): Record<string, unknown> {
  return query.length === 0 ? {} : (parse(query) as Record<string, unknown>);
}
