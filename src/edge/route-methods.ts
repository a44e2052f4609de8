import type { FastifyInstance, FastifyRequest } from 'fastify';
import Router, { HTTPMethod } from 'find-my-way';

declare module 'fastify' {
  interface FastifyInstance {
    routeMethods: RouteMethods;
  }
}

/**
 * Which methods the gateway serves at a path, so that a known path called with another method
 * answers 405 with `Allow` rather than the router's 404. Fastify's own router cannot be asked for
 * this, so a second find-my-way router holds the same routes, filled as they are registered.
 */
export class RouteMethods {
  private readonly router = Router({ maxParamLength: Number.MAX_SAFE_INTEGER });
  private readonly methods = new Set<string>();
  /** Methods a catch-all route serves at every path (CORS' preflight `OPTIONS *`): listed wherever the path is known. */
  private readonly everywhere = new Set<string>();
  /** Each method's route templates, as registered. */
  private readonly byMethod = new Map<string, Set<string>>();

  add(methods: readonly string[], url: string): void {
    if (url === '*' || url === '/*') {
      for (const method of methods) this.everywhere.add(method);
      return;
    }
    // Other catch-all routes (static assets) would make every path "known".
    if (url.includes('*')) return;
    for (const method of methods) {
      if (!this.router.hasRoute(method as HTTPMethod, url)) this.router.on(method as HTTPMethod, url, () => undefined);
      this.methods.add(method);
      if (!this.byMethod.has(method)) this.byMethod.set(method, new Set());
      this.byMethod.get(method)!.add(url);
    }
  }

  /** The route templates served with `method` (catch-all routes aside). */
  templates(method: string): string[] {
    return [...(this.byMethod.get(method) ?? [])];
  }

  allowed(path: string): string[] {
    const served = [...this.methods].filter((method) => this.router.find(method as HTTPMethod, path) !== null);
    if (served.length === 0) return served;
    for (const method of this.everywhere) if (!served.includes(method)) served.push(method);
    return served.sort();
  }
}

export function trackRouteMethods(fastify: FastifyInstance): void {
  const routes = new RouteMethods();
  fastify.decorate('routeMethods', routes);
  fastify.addHook('onRoute', (route) => routes.add(([] as string[]).concat(route.method), route.url ?? route.path));
}

/** The methods served at the request's path (empty: the path itself is unknown). */
export function allowedMethods(request: FastifyRequest): string[] {
  const path = request.url.split('?')[0];
  try {
    return request.server.routeMethods?.allowed(path) ?? [];
  } catch {
    return [];
  }
}
