import type { UpstreamMeaning } from '../common/errors/upstream-meaning';
import type { IsalesOutcome } from '../telemetry/metric-names';
import { ISALES_SUCCESS } from './error-codes';

/** How one upstream call or attempt ended, in the terms of metrics, spans and the request log. */
export interface UpstreamResult {
  outcome: IsalesOutcome;
  /** The HTTP status iSales answered with, when it answered. */
  httpStatus?: number;
  /** iSales' resultCode, when it sent one. */
  code?: string;
}

const SUCCESS: UpstreamResult = { outcome: 'success', httpStatus: 200, code: ISALES_SUCCESS };
// Anything that carries no meaning (a bug, a library's own error) never reached iSales in a readable way.
const UNREADABLE: UpstreamResult = { outcome: 'unreachable' };

interface MaybeUpstreamError {
  upstreamMeaning?: UpstreamMeaning;
  upstream?: { code: string };
}

/** `error` undefined means the call succeeded. Read from the error's meaning, never from its class. */
export function upstreamResultOf(error?: unknown): UpstreamResult {
  if (error === undefined) return SUCCESS;
  const { upstreamMeaning: meaning, upstream } = (error ?? {}) as MaybeUpstreamError;
  if (meaning === undefined) return UNREADABLE;
  const result: UpstreamResult = { outcome: meaning.outcome };
  if (meaning.httpStatus !== undefined) result.httpStatus = meaning.httpStatus;
  if (meaning.outcome === 'business_error' && upstream) result.code = upstream.code;
  return result;
}
