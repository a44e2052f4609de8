import { ISALES, type IsalesMethod } from '../src/upstream/operations.catalogue';
import { OPERATIONS } from './handlers';
import type { OperationDefinition } from './handlers/operation';

/** Requests under this prefix are iSales requests: logged and C2-verified. */
export const ISALES_PREFIX = '/rest/isales/';
const CAMPAIGNS_PREFIX = '/rest/isales/v1/openapi/campaigns/';

/** A handler where the catalogue declares its operation: the route table derives from the declarations. */
export interface RoutedOperation extends OperationDefinition {
  method: IsalesMethod;
  /** The path after `/rest/isales/v1/openapi/campaigns/{vdnId}/` (empty: the campaign list); `{name}` marks a path parameter. */
  path: string;
}

export interface RouteMatch {
  operation: RoutedOperation;
  /** The raw `{vdnId}` path segment, validated later (0200001 when it is not an int in 1..9999). */
  vdnSegment: string;
  /** Raw values of the operation's own path parameters, e.g. `{ serverId }` of `file/{serverId}/updateServer`. */
  params: Record<string, string>;
}

/** `file/{serverId}/updateServer` as a pattern whose `{name}` segments capture one raw path segment each. */
function compile(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => (/^\{\w+\}$/.test(segment) ? `(?<${segment.slice(1, -1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

const COMPILED = OPERATIONS.map((handler) => {
  const { method, path } = ISALES[handler.name];
  const operation: RoutedOperation = { ...handler, method, path };
  return { operation, pattern: compile(path) };
});

/**
 * Matches the raw path (no query) against `/rest/isales/v1/openapi/campaigns/{vdnId}[/<operation path>]`. A path
 * several operations share (`{campaignId}` GET, `blocklist` DELETE) goes to the one of the request's method;
 * with none, to the first, which then answers 405.
 */
export function matchRoute(rawPath: string, method: string): RouteMatch | null {
  if (!rawPath.startsWith(CAMPAIGNS_PREFIX)) return null;
  const rest = rawPath.slice(CAMPAIGNS_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash === 0) return null;
  const vdnSegment = slash < 0 ? rest : rest.slice(0, slash);
  const suffix = slash < 0 ? '' : rest.slice(slash + 1);
  let first: RouteMatch | null = null;
  for (const { operation, pattern } of COMPILED) {
    const match = pattern.exec(suffix);
    if (!match) continue;
    const found = { operation, vdnSegment, params: { ...match.groups } };
    if (operation.method === method) return found;
    first ??= found;
  }
  return first;
}
