import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { LogLevel } from '../../config/app.config';
import { RequestContext } from '../request/request-context';
import { activeTraceIds, activeTracer } from '../../telemetry/tracer';

/** Query parameters whose values are personal data: logged with all but the last four characters masked. */
const MASKED_QUERY_PARAMS = ['calledNumber'];
/** Query parameters that are lists of phone numbers: each masked the same way. */
const MASKED_LIST_PARAMS = ['numbers'];
/** A path segment that is a phone number: the one after `/blocked-numbers/`. */
const NUMBER_IN_PATH = /(\/blocked-numbers\/)([^/?]+)/;

/** A phone number as logs may show it: all but its last four characters masked. */
export function maskNumber(value: string): string {
  return value.length > 4 ? '*'.repeat(value.length - 4) + value.slice(-4) : '****';
}

export function maskUrl(url: string): string {
  const masked = url.replace(NUMBER_IN_PATH, (_, prefix: string, number: string) => prefix + maskNumber(number));
  const q = masked.indexOf('?');
  if (q < 0) return masked;
  const params = new URLSearchParams(masked.slice(q + 1));
  let changed = false;
  for (const name of MASKED_QUERY_PARAMS) {
    const value = params.get(name);
    if (value !== null) {
      params.set(name, maskNumber(value));
      changed = true;
    }
  }
  for (const name of MASKED_LIST_PARAMS) {
    const values = params.getAll(name);
    if (values.length > 0) {
      params.delete(name);
      for (const value of values) params.append(name, value.split(',').map(maskNumber).join(','));
      changed = true;
    }
  }
  return changed ? `${masked.slice(0, q)}?${params.toString()}` : masked;
}

function requestIdField(): { requestId?: string } {
  const requestId = RequestContext.requestId();
  return requestId ? { requestId } : {};
}

/**
 * nestjs-pino as the application's logger. The request id comes from the request context on every
 * line, with tracing on the active trace and span ids too (with it off, the mixin does not look);
 * requests themselves are logged by a Fastify hook (request-log.hook.ts) rather than pino-http's
 * middleware, which cost about a third of a cached answer.
 */
export function loggerOptions(level: LogLevel, stream?: DestinationStream): Params {
  return {
    forRoutes: [],
    pinoHttp: {
      level,
      stream,
      mixin: activeTracer() ? () => ({ ...requestIdField(), ...activeTraceIds() }) : requestIdField,
      redact: { paths: ['*.authorization', '*.Authorization', '*.sk', 'headers.authorization'], censor: '[redacted]' },
    },
  };
}
