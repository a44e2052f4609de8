import { STATUS_CODES } from 'node:http';
import { failureBody, type EnvelopeMode } from './envelope';
import { JSON_CONTENT_TYPE } from './http-io';
import { describeResultCode } from './result-codes';
import type { Fault } from './types';

/** The flow-control text iSales sends with HTTP 429 (docs/isales/api-notes.md §3, STAT429). */
export const FLOW_CONTROL_MESSAGE = '请勿频繁操作,请稍后再试';

/** A JSON body cut off mid-way, as a broken proxy or a truncated answer would deliver it. */
export const MALFORMED_BODY = '{"resultCode":"0200000","resultDesc":"success","result":[{"id":"1646983628';

export type FaultAction =
  { kind: 'none' } | { kind: 'drop' } | { kind: 'hang' } | { kind: 'reply'; status: number; body: string; contentType: string; resultCode: string | null };

function reply(status: number, body: Record<string, unknown>): FaultAction {
  const resultCode = typeof body.resultCode === 'string' ? body.resultCode : null;
  return { kind: 'reply', status, body: JSON.stringify(body), contentType: JSON_CONTENT_TYPE, resultCode };
}

function httpErrorBody(fault: Fault & { httpStatus: number }, mode: EnvelopeMode): Record<string, unknown> {
  if (fault.resultCode) return failureBody(fault.resultCode, fault.resultDesc ?? describeResultCode(fault.resultCode), mode);
  const defaultDesc = fault.httpStatus === 429 ? FLOW_CONTROL_MESSAGE : fault.httpStatus === 401 ? 'Unauthorized' : (STATUS_CODES[fault.httpStatus] ?? 'Error');
  return { resultCode: String(fault.httpStatus), resultDesc: fault.resultDesc ?? defaultDesc };
}

/**
 * What to do once the fault's latency has passed. Precedence: drop, hang, httpStatus, malformed,
 * resultCode; a latency-only fault lets the request through ('none').
 */
export function faultAction(fault: Fault, mode: EnvelopeMode): FaultAction {
  if (fault.drop) return { kind: 'drop' };
  if (fault.hang) return { kind: 'hang' };
  if (fault.httpStatus !== undefined) return reply(fault.httpStatus, httpErrorBody({ ...fault, httpStatus: fault.httpStatus }, mode));
  if (fault.malformed) {
    return { kind: 'reply', status: 200, body: MALFORMED_BODY, contentType: JSON_CONTENT_TYPE, resultCode: null };
  }
  if (fault.resultCode) {
    return reply(200, failureBody(fault.resultCode, fault.resultDesc ?? describeResultCode(fault.resultCode), mode));
  }
  return { kind: 'none' };
}
