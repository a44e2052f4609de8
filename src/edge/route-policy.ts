import type { FastifyRequest, RouteOptions } from 'fastify';
import type { Scope } from '../common/request/scopes';

/** Where @nestjs/platform-fastify's `@RouteConfig` keeps a handler's Fastify route config (its FASTIFY_ROUTE_CONFIG_METADATA). */
export const FASTIFY_ROUTE_CONFIG_METADATA = '__fastify_route_config__';

/** What a route's decorators said, as they said it (merged into its Fastify route config). */
export interface RouteDeclaration {
  public?: boolean;
  scope?: Scope;
  bodyLimitBytes?: number;
  /** iSales' callback: admitted by the path's `:token` (CallbackGate), not by a principal. */
  callbackToken?: boolean;
  /** Answers with a stream that lasts until the client leaves (Server-Sent Events). */
  eventStream?: boolean;
}

/**
 * What the edge does for a route, decided once when the route is registered: nothing about it is
 * looked up per request (docs/design.md section 14).
 */
export interface RoutePolicy {
  /** The route template (`/api/v1/vdns/:vdnId/file-servers`): the metric label, span name and log field. */
  readonly route: string;
  /** Anyone may call (probes, API docs); otherwise `scope` is required, and `null` refuses every caller. */
  readonly public: boolean;
  readonly scope: Scope | null;
  /** Admitted by its `:token` path segment against ISALES_CALLBACK_TOKENS (a wrong one is a 404), not by credentials. */
  readonly callbackToken: boolean;
  /** A long-lived answer: observed when its client leaves too (Fastify observes only a finished answer). */
  readonly eventStream: boolean;
  /** The route has a `:vdnId` the principal's VDNs must include. */
  readonly vdnParam: boolean;
  /** Health probes: never rate-limited (they come every few seconds from the kubelet's one address). */
  readonly unlimited: boolean;
  readonly bodyLimitBytes: number;
}

/** The key of a route's config that carries its declaration, then its compiled policy. */
export const DECLARATION = 'isalesGatewayRoute';
export const POLICY = 'isalesGatewayPolicy';

declare module 'fastify' {
  interface FastifyContextConfig {
    [DECLARATION]?: RouteDeclaration;
    [POLICY]?: RoutePolicy;
  }
  interface FastifyRequest {
    /** The request's route policy once looked up (undefined: an unmatched path); null until then. */
    routePolicy: RoutePolicy | undefined | null;
  }
}

/**
 * The policy of the request's route (undefined for an unmatched path), looked up once per request:
 * Fastify's `request.routeOptions` builds a new object of a dozen fields at each read.
 */
export function policyOf(request: FastifyRequest): RoutePolicy | undefined {
  const known = request.routePolicy;
  if (known !== null) return known;
  return (request.routePolicy = request.routeOptions.config?.[POLICY]);
}

function declare(method: object, part: RouteDeclaration, override: boolean): void {
  const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, method) as Record<string, unknown> | undefined) ?? {};
  const own = (config[DECLARATION] as RouteDeclaration | undefined) ?? {};
  const merged = override ? { ...own, ...part } : { ...part, ...own };
  // A method's own access decision wins over its class's: @Public on a class, @RequireScope on one method.
  if (!override && (own.public || own.scope)) {
    delete merged.public;
    delete merged.scope;
    if (own.public) merged.public = true;
    if (own.scope) merged.scope = own.scope;
  }
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, [DECLARATION]: merged }, method);
}

/**
 * A decorator for a method or a whole controller that adds `part` to the route config Nest's
 * Fastify adapter hands to Fastify (`@RouteConfig`'s metadata, merged rather than replaced). On a
 * class it applies to every method, below what the method declares itself.
 */
export function declareRoute(part: RouteDeclaration): ClassDecorator & MethodDecorator {
  return ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      declare(descriptor.value as object, part, true);
      return descriptor;
    }
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
      if (name !== 'constructor' && typeof method === 'function') declare(method, part, false);
    }
    return undefined;
  }) as ClassDecorator & MethodDecorator;
}

const PROBE_PREFIX = '/health/';

/** What a route without a body (GET, DELETE, ...) accepts: enough for an empty JSON document, nothing to parse at length. */
export const NO_BODY_LIMIT_BYTES = 1024;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Compiles a route's declaration into its policy, in Fastify's `onRoute`. A route Nest registered
 * without @Public or @RequireScope refuses every caller (fails closed); routes the gateway did not
 * declare itself (Swagger UI under `docsPrefix`, CORS' `OPTIONS *`) are public.
 */
export function compileRoutePolicy(route: RouteOptions, bodyCapBytes: number, docsPrefix: string): RoutePolicy {
  const url = route.url ?? '';
  const declared = route.config?.[DECLARATION];
  const framework = declared === undefined && (url.includes('*') || url === docsPrefix || url.startsWith(`${docsPrefix}/`));
  const isPublic = framework || declared?.public === true;
  const callbackToken = !isPublic && declared?.callbackToken === true && /(^|\/):token(\/|$)/.test(url);
  return {
    route: url,
    public: isPublic,
    scope: isPublic || callbackToken ? null : (declared?.scope ?? null),
    callbackToken,
    eventStream: declared?.eventStream === true,
    vdnParam: /(^|\/):vdnId(\/|$)/.test(url),
    unlimited: url.startsWith(PROBE_PREFIX),
    bodyLimitBytes: Math.min(takesBody(route) ? (declared?.bodyLimitBytes ?? bodyCapBytes) : NO_BODY_LIMIT_BYTES, bodyCapBytes),
  };
}

function takesBody(route: RouteOptions): boolean {
  return ([] as string[]).concat(route.method).some((method) => BODY_METHODS.has(method.toUpperCase()));
}

/** Installs the compilation: every route registered from now on carries its policy and its body limit. */
export function compileRoutePolicies(
  fastify: { addHook(name: 'onRoute', hook: (route: RouteOptions) => void): unknown },
  bodyCapBytes: number,
  docsPrefix: string,
): void {
  fastify.addHook('onRoute', (route) => {
    const policy = compileRoutePolicy(route, bodyCapBytes, docsPrefix);
    route.config = { ...route.config, [POLICY]: policy };
    route.bodyLimit = policy.bodyLimitBytes;
  });
}

/** iSales' result callback: admitted by its `:token` path segment (ISALES_CALLBACK_TOKENS), never by credentials. */
export const CallbackToken = () => declareRoute({ callbackToken: true });

/** A Server-Sent Events route: its answer ends when the client leaves, and is observed then. */
export const EventStream = () => declareRoute({ eventStream: true });

/** A write that takes less than HTTP_BODY_LIMIT_BYTES: its body is refused (413) beyond `bytes`. */
export const BodyLimit = (bytes: number) => declareRoute({ bodyLimitBytes: bytes });
