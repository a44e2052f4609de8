import { hostname } from 'node:os';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { LogLevel } from '../config/app.config';
import { RequestContext } from '../common/request/request-context';
import { activeTraceIds, activeTracer } from './tracer';

function requestIdField(): { requestId?: string } {
  const requestId = RequestContext.requestId();
  return requestId ? { requestId } : {};
}

/** The fields every line starts with after its level and time (pino's default base, written out: the access log writes them too). */
export const LOG_BASE: Readonly<Record<string, string | number>> = { pid: process.pid, hostname: hostname() };

/**
 * The mixin of the access log's line (src/edge/request-log.ts), which carries the request id
 * itself, where the mixin would put it: without tracing the mixin adds nothing else, and is not called.
 */
export function requestLogMixin(): (() => Record<string, unknown>) | undefined {
  return activeTracer() ? logMixin() : undefined;
}

/** The fields every line carries from its context: the request id, and with tracing on, the trace and span ids. */
export function logMixin(): () => Record<string, unknown> {
  return activeTracer() ? () => ({ ...requestIdField(), ...activeTraceIds() }) : requestIdField;
}

/**
 * nestjs-pino as the application's logger. The request id comes from the request context on every
 * line, with tracing on the active trace and span ids too (with it off, the mixin does not look);
 * requests themselves are logged by the edge's observe phase (src/edge/request-log.ts) rather than
 * pino-http's middleware, which would add a second logger's work to every request.
 */
export function loggerOptions(level: LogLevel, stream?: DestinationStream): Params {
  return {
    forRoutes: [],
    pinoHttp: {
      level,
      stream,
      base: LOG_BASE,
      mixin: logMixin(),
      redact: { paths: ['*.authorization', '*.Authorization', '*.sk', 'headers.authorization'], censor: '[redacted]' },
    },
  };
}
