import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER, RequestContext } from '../common/request/request-context';
import { activeTracer } from '../telemetry/tracer';
import { clientAddress, TrustFunction } from './client-address';
import { policyOf } from './route-policy';

declare module 'fastify' {
  interface FastifyRequest {
    /** The validated client address (src/edge/client-address.ts): rate-limit key and log field. */
    clientAddress: string;
    /** The server span, when tracing is on; ended by the observe phase. */
    span: Span | undefined;
  }
}

/**
 * Phase 1: the request id (taken from `X-Request-Id` when sane, by Fastify's genReqId) on the answer,
 * the request context every later line and upstream call reads, the client address, and the server
 * span (continuing the caller's `traceparent`), active for the rest of the request.
 */
export class IdentifyPhase {
  private readonly tracer: Tracer | undefined = activeTracer();

  constructor(private readonly trusted: TrustFunction) {}

  enter(request: FastifyRequest, reply: FastifyReply, rest: () => void): void {
    reply.header(REQUEST_ID_HEADER, request.id);
    request.clientAddress = clientAddress(request.raw.socket?.remoteAddress, request.headers['x-forwarded-for'], this.trusted);
    const tracer = this.tracer;
    if (!tracer) return RequestContext.run({ requestId: String(request.id) }, rest);
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
    RequestContext.run({ requestId: String(request.id) }, () => context.with(trace.setSpan(parent, span), rest));
  }
}
