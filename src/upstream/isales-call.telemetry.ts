import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { RequestContext } from '../common/request/request-context';
import { observeIsalesCall } from '../telemetry/metrics';
import { activeTracer } from '../telemetry/tracer';
import { IsalesOperation } from './operations.catalogue';
import { upstreamResultOf, UpstreamResult } from './isales-outcome';

async function settle<T>(run: () => Promise<T>, onSettled: (result: UpstreamResult) => void): Promise<T> {
  try {
    const value = await run();
    onSettled(upstreamResultOf());
    return value;
  } catch (error) {
    onSettled(upstreamResultOf(error));
    throw error;
  }
}

/**
 * One call as its caller sees it (retries included): isales_request_duration_seconds by outcome,
 * and an entry in the request's log line.
 */
export function observeIsalesCallOf<T>(operation: IsalesOperation, call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  return settle(call, ({ outcome, code, httpStatus }) => {
    const ms = performance.now() - started;
    observeIsalesCall(operation, outcome, ms / 1000);
    const shown = code ?? (httpStatus === undefined || httpStatus === 200 ? undefined : `HTTP ${httpStatus}`);
    RequestContext.recordUpstream({ operation, outcome, ...(shown && { code: shown }), ms: Math.round(ms * 10) / 10 });
  });
}

/**
 * A client span for one attempt on the wire, whose context iSales receives as `traceparent`
 * (added to `headers` after signing: C2 signs only Host). With tracing off it only runs `attempt`.
 */
export function traceIsalesAttempt<T>(operation: IsalesOperation, vdnId: number, headers: Record<string, string>, attempt: () => Promise<T>): Promise<T> {
  const tracer = activeTracer();
  if (!tracer) return attempt();
  const span = tracer.startSpan(`iSales ${operation}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'isales.operation': operation, 'isales.vdn_id': vdnId, 'server.address': headers.Host },
  });
  const active = trace.setSpan(context.active(), span);
  propagation.inject(active, headers);
  return settle(
    () => context.with(active, attempt),
    ({ outcome, httpStatus, code }) => {
      span.setAttribute('isales.outcome', outcome);
      if (httpStatus !== undefined) span.setAttribute('http.response.status_code', httpStatus);
      if (code !== undefined) span.setAttribute('isales.result_code', code);
      if (outcome !== 'success') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
      span.end();
    },
  );
}
