import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod, RouteOptions } from 'fastify';
import { REQUEST_ID_HEADER, RequestContext, RequestContextStore } from '../common/request/request-context';
import { activeTracer } from '../telemetry/tracer';
import { clientAddress, TrustFunction } from './client-address';
import { policyOf } from './route-policy';

declare module 'fastify' {
  interface FastifyRequest {
    /** The validated client address (src/edge/client-address.ts): rate-limit key and log field. */
    clientAddress: string;
    /** The server span, when tracing is on; ended by the observe phase. */
    span: Span | undefined;
    /** The request's context (its id, the iSales calls it made): the one RequestContext holds while its handler runs. */
    requestContext: RequestContextStore | null;
  }
}

/** Fastify's `done` of an `onRequest` hook. */
export type HookDone = (error?: Error) => void;

/** Marks a route handler that enters its request's context itself, when it needs it (src/edge/direct-routes.ts). */
export const ENTERS_OWN_CONTEXT = Symbol('enters its own request context');

/**
 * Runs every route's handler in its request's context (RequestContext: the request id on upstream
 * calls and log lines, the iSales calls recorded for the request's log line), entered when the
 * handler starts rather than for the whole request: the edge's own steps read the request, not the
 * context, and an answer from memory (a direct route's, which enters the context only when it has
 * to wait) pays for no context at all. A handler is entered the same way whether its request had a
 * body to read first or not.
 */
export function runHandlerInRequestContext(route: RouteOptions): void {
  const handler = route.handler as RouteHandlerMethod & { [ENTERS_OWN_CONTEXT]?: true };
  if (handler[ENTERS_OWN_CONTEXT]) return;
  route.handler = function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    return inRequestContext(request, () => handler.call(this, request, reply));
  };
}

/** Runs `fn` in `request`'s context; a request the edge's hook has not identified gets one of its id rather than none. */
export function inRequestContext<T>(request: FastifyRequest, fn: () => T): T {
  return RequestContext.run(request.requestContext ?? { requestId: String(request.id) }, fn);
}

/**
 * Phase 1: the request id (taken from `X-Request-Id` when sane, by Fastify's genReqId) on the answer,
 * the request's context (which its handler runs in, runHandlerInRequestContext), the client address,
 * and the server span (continuing the caller's `traceparent`), active for the rest of the request.
 */
export class IdentifyPhase {
  private readonly tracer: Tracer | undefined = activeTracer();

  constructor(private readonly trusted: TrustFunction) {}

  /** Identifies the request, then runs `rest(request, reply, done)`: with tracing, with the server span active. */
  enter(request: FastifyRequest, reply: FastifyReply, done: HookDone, rest: (request: FastifyRequest, reply: FastifyReply, done: HookDone) => void): void {
    reply.header(REQUEST_ID_HEADER, request.id);
    request.clientAddress = clientAddress(request.raw.socket?.remoteAddress, request.headers['x-forwarded-for'], this.trusted);
    const store: RequestContextStore = { requestId: String(request.id) };
    request.requestContext = store;
    const tracer = this.tracer;
    if (!tracer) return rest(request, reply, done);
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const route = policyOf(request)?.route;
    const span = tracer.startSpan(
      route ? `${request.method} ${route}` : request.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          ...(route && { 'http.route': route }),
          'url.scheme': request.protocol,
          'request.id': String(request.id),
        },
      },
      parent,
    );
    request.span = span;
    // The span is active for the rest of the request, and so is the request context (trace ids and the request id on every line).
    RequestContext.run(store, () => context.with(trace.setSpan(parent, span), () => rest(request, reply, done)));
  }
}
