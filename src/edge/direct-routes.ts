import { INestApplicationContext, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { InputKind } from '../common/pipes/route-inputs';
import type { GatewayValidationPipe } from '../common/pipes/validation.pipe';
import { ENTERS_OWN_CONTEXT, inRequestContext } from './identify.phase';

/** What a direct handler is built from, once: the application's instances and the compiled input checks. */
export interface DirectRouteContext {
  app: INestApplicationContext;
  checks: Pick<GatewayValidationPipe, 'checkOf'>;
}

export type DirectHandler = (request: FastifyRequest, reply: FastifyReply) => unknown;

/** The compiled check of the method's parameter at `index` (its declared DTO class), as the pipe applies it. */
export type InputCheck = (kind: InputKind, index: number) => (value: unknown) => unknown;

/**
 * A GET route of a Nest controller served by a handler wired at start-up: the route is still
 * declared, registered and documented by its controller (its decorators, its module, the OpenAPI
 * document, the edge's policy), and the handler calls the same controller instance with the same
 * compiled checks the validation pipe applies. What it skips per request is Nest's execution
 * context: the argument factories, the pipes' promise chain, the interceptor and response plumbing.
 */
export interface DirectRoute<C = unknown> {
  controller: Type<C>;
  /** The controller method whose route this serves (its `@Get`). */
  method: keyof C & string;
  build(controller: C, input: InputCheck): BuiltDirectRoute;
}

/** A direct route's call of its controller, with the path's and the query's checked DTOs. */
export type DirectCall<C, P, Q, R = unknown> = (controller: C, params: P, query: Q, request: FastifyRequest, reply: FastifyReply) => R;

/**
 * An answer taken from memory, in no transport's terms: a direct route's handler sends it through
 * Fastify's reply, the memory lane (src/edge/memory-lane.ts) through Node's response. `headers` are
 * name and value, flat, lower-case, in the order they are sent; `body` is absent for a 304.
 */
export interface MemoryAnswer {
  status: 200 | 304;
  headers: string[];
  body?: string | Buffer;
}

/** What a route can answer from memory, from its request's raw path parameters and query (checked here: a refusal throws). */
export type MemoryLookup = (params: unknown, query: unknown, ifNoneMatch: string | undefined) => MemoryAnswer | undefined;

/** A direct route's answer from memory, with the path's and the query's checked DTOs. */
export type MemoryCall<C, P, Q> = (controller: C, params: P, query: Q, ifNoneMatch: string | undefined) => MemoryAnswer | undefined;

/** Sends `answer` through Fastify's reply. */
export function sendMemoryAnswer(reply: FastifyReply, answer: MemoryAnswer): void {
  const headers = answer.headers;
  for (let i = 0; i < headers.length; i += 2) reply.header(headers[i], headers[i + 1]);
  void reply.status(answer.status).send(answer.body);
}

/** What a direct route is wired as: its Fastify handler and, when it has one, its lookup in memory. */
export interface BuiltDirectRoute {
  handler: DirectHandler;
  memory?: MemoryLookup;
}

/**
 * The direct route of a controller's `method` whose first two parameters are its path's and its query's
 * DTOs: `call` gets them checked, the path's first (Nest's pipes answer the first argument's problem too),
 * and runs in the request's context. `memory`, when given, is tried first, outside the context: it
 * answers what it can without waiting for anything, so that such an answer pays for no context (and
 * the memory lane can serve it without Fastify); `call` answers the rest.
 */
export function pathAndQueryRoute<C, P, Q>(
  controller: Type<C>,
  method: keyof C & string,
  call: DirectCall<C, P, Q>,
  memory?: MemoryCall<C, P, Q>,
): DirectRoute<C> {
  return {
    controller,
    method,
    build(instance, input) {
      const params = input('path', 0) as (value: unknown) => P;
      const query = input('query', 1) as (value: unknown) => Q;
      const handler: DirectHandler = (request, reply) => {
        const checkedParams = params(request.params);
        const checkedQuery = query(request.query);
        const answer = memory?.(instance, checkedParams, checkedQuery, request.headers['if-none-match']);
        if (answer) return sendMemoryAnswer(reply, answer);
        return inRequestContext(request, () => call(instance, checkedParams, checkedQuery, request, reply));
      };
      if (!memory) return { handler };
      return { handler, memory: (rawParams, rawQuery, ifNoneMatch) => memory(instance, params(rawParams), query(rawQuery), ifNoneMatch) };
    },
  };
}

/** A direct route of any controller, as installDirectRoutes takes it. */
export interface AnyDirectRoute {
  controller: Type<unknown>;
  method: string;
  build(controller: never, input: InputCheck): BuiltDirectRoute;
}

/** The route's URL as Nest registers it (no global prefix, no versioning in this application). */
function routeUrl(route: AnyDirectRoute): string {
  const handler = (route.controller.prototype as Record<string, unknown>)[route.method] as object;
  const parts = [Reflect.getMetadata(PATH_METADATA, route.controller), Reflect.getMetadata(PATH_METADATA, handler)] as Array<string | string[] | undefined>;
  if (parts.some(Array.isArray) || Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.GET) {
    throw new Error(`${route.controller.name}.${route.method} is not a GET of one path: it cannot be served directly`);
  }
  return '/' + (parts as Array<string | undefined>).flatMap((part) => (part ?? '').split('/').filter(Boolean)).join('/');
}

/** A direct route that can answer from memory, as registered: what the memory lane serves (src/edge/memory-lane.ts). */
export interface MemoryRoute {
  /** The route template (`/api/v1/vdns/:vdnId/business-results`). */
  url: string;
  memory: MemoryLookup;
  /** Its Fastify route options: the edge compiles its policy into their config as the route is registered. */
  options: RouteOptions;
}

/**
 * Swaps the handler of each direct route as Nest registers it (Fastify's `onRoute` may change a
 * route's options; the HEAD route Fastify derives keeps Nest's handler). Start-up fails when a
 * direct route matches no registered GET, so a renamed route cannot silently fall back. Returns the
 * routes that can answer from memory, filled in as they are registered.
 */
export function installDirectRoutes(fastify: FastifyInstance, routes: readonly AnyDirectRoute[], context: DirectRouteContext): readonly MemoryRoute[] {
  const byUrl = new Map(routes.map((route) => [routeUrl(route), route]));
  const wired = new Set<string>();
  const inMemory: MemoryRoute[] = [];
  fastify.addHook('onRoute', (options: RouteOptions) => {
    if (options.method !== 'GET' || !byUrl.has(options.url)) return;
    const route = byUrl.get(options.url)!;
    const controller = context.app.get<unknown, never>(route.controller);
    const types = (Reflect.getMetadata('design:paramtypes', route.controller.prototype as object, route.method) as unknown[] | undefined) ?? [];
    const input: InputCheck = (kind, index) => {
      const target = types[index];
      if (typeof target !== 'function') throw new Error(`${route.controller.name}.${route.method}: parameter ${index} has no DTO class`);
      return context.checks.checkOf(kind, target);
    };
    // The handler enters its request's context itself (pathAndQueryRoute): the edge's wrapper (runHandlerInRequestContext) leaves it be.
    const built = route.build(controller, input);
    options.handler = Object.assign(built.handler, { [ENTERS_OWN_CONTEXT]: true });
    if (built.memory) inMemory.push({ url: options.url, memory: built.memory, options });
    wired.add(options.url);
  });
  fastify.addHook('onReady', (done) => {
    const missing = [...byUrl.keys()].filter((url) => !wired.has(url));
    done(missing.length > 0 ? new Error(`direct routes with no registered GET: ${missing.join(', ')}`) : undefined);
  });
  return inMemory;
}
