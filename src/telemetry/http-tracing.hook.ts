import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UNMATCHED_ROUTE } from './metric-names';
import { routeOf } from './route-label';
import { activeTracer } from './tracer';

const spans = new WeakMap<FastifyRequest, Span>();

function finish(request: FastifyRequest, reply: FastifyReply | undefined): void {
  const span = spans.get(request);
  if (!span) return;
  spans.delete(request);
  if (reply) {
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  } else {
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'client went away' });
  }
  span.end();
}

/**
 * The server span of each request (named by method and route template), continuing the caller's
 * W3C `traceparent`, and active while the request is served so that the iSales and Redis spans
 * and the log lines join it. Registers nothing when tracing is off.
 */
export function traceRequests(fastify: FastifyInstance): void {
  const tracer = activeTracer();
  if (!tracer) return;
  fastify.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const route = routeOf(request);
    const span = tracer.startSpan(
      route === UNMATCHED_ROUTE ? request.method : `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          ...(route !== UNMATCHED_ROUTE && { 'http.route': route }),
          'url.scheme': request.protocol,
          'request.id': String(request.id),
        },
      },
      parent,
    );
    spans.set(request, span);
    context.with(trace.setSpan(parent, span), done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    finish(request, reply);
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    finish(request, undefined);
    done();
  });
}
