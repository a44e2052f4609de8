import type { IsalesOutcome } from '../telemetry/metric-names';
import { ISALES_SUCCESS } from './isales-error-tables';
import {
  IsalesBadResponseError,
  IsalesBusinessError,
  IsalesHttpError,
  IsalesTimeoutError,
  IsalesUnreachableError,
} from './isales.errors';
import { IsalesBusyError, IsalesCircuitOpenError, IsalesQuotaExhaustedError } from './resilience.errors';

/** How one upstream call or attempt ended, in the terms of metrics, spans and the request log. */
export interface UpstreamResult {
  outcome: IsalesOutcome;
  /** The HTTP status iSales answered with, when it answered. */
  httpStatus?: number;
  /** iSales' resultCode, when it sent one. */
  code?: string;
}

const SUCCESS: UpstreamResult = { outcome: 'success', httpStatus: 200, code: ISALES_SUCCESS };

/** `error` undefined means the call succeeded. */
export function upstreamResultOf(error?: unknown): UpstreamResult {
  if (error === undefined) return SUCCESS;
  if (error instanceof IsalesBusinessError) return { outcome: 'business_error', httpStatus: 200, code: error.upstream.code };
  if (error instanceof IsalesHttpError) return { outcome: 'http_error', httpStatus: error.httpStatus };
  if (error instanceof IsalesTimeoutError) return { outcome: 'timeout' };
  if (error instanceof IsalesBadResponseError) return { outcome: 'bad_response', httpStatus: 200 };
  if (error instanceof IsalesUnreachableError) return { outcome: 'unreachable' };
  if (error instanceof IsalesCircuitOpenError) return { outcome: 'circuit_open' };
  // Held off by this gateway (bulkhead full, fleet quota spent): iSales was not called.
  if (error instanceof IsalesBusyError || error instanceof IsalesQuotaExhaustedError) return { outcome: 'rejected' };
  // Anything else never reached iSales in a readable way.
  return { outcome: 'unreachable' };
}
