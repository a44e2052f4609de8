import { context, isSpanContextValid, trace, type Tracer } from '@opentelemetry/api';

/**
 * Whether this process traces, and with what. Set once by the tracing bootstrap (tracing.ts) before
 * the application loads; undefined means tracing is off, and every instrumented spot then skips its
 * work with one comparison, so the hot path costs what it cost before tracing existed.
 */
let current: Tracer | undefined;
let shutdown: () => Promise<void> = async () => undefined;

export function useTracer(tracer: Tracer, flushAndStop: () => Promise<void>): void {
  current = tracer;
  shutdown = flushAndStop;
}

/** Exports the spans still queued; the process calls it once, on its way out. */
export function shutdownTracing(): Promise<void> {
  return shutdown();
}

export function activeTracer(): Tracer | undefined {
  return current;
}

/** The ids of the span active right now, for log lines; undefined outside a trace. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getSpan(context.active());
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return isSpanContextValid(span.spanContext()) ? { traceId, spanId } : undefined;
}
