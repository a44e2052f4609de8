import { isalesTimeInZone } from '../../common/mapping/zoned-time';
import { CallStatus, toCallStatus } from '../call-results/call-status';

/**
 * One call result as iSales' result callback pushes it (docs/isales/result-callback.md section 1): a bare JSON array of these, with `callStatus` an int and `vdnId` an int.
 */
export interface IsalesCallbackRecord {
  campaignId?: unknown;
  sessionId?: unknown;
  called?: unknown;
  callTimeStr?: unknown;
  callStatus?: unknown;
  failCode?: unknown;
  vdnId?: unknown;
  callId?: unknown;
  customField?: unknown;
  recordPath?: unknown;
}

/**
 * A call result as the gateway keeps and streams it: the clean names of the REST call result
 * (`status` failed|succeeded, ISO 8601 times in the tenant's zone, string ids), plus what only the
 * callback carries (`campaignId`, `sessionId`, `customField`) and when the gateway received it.
 */
export interface CallResultEvent {
  callId: string;
  vdnId: number;
  campaignId: string | null;
  sessionId: string | null;
  calledNumber: string | null;
  status: CallStatus | (string & {}) | null;
  failCode: string | null;
  /** `callTimeStr`: the tenant's wall clock, with its offset. */
  calledAt: string | null;
  customField?: string;
  recordingUrl?: string;
  receivedAt: string;
}

/** The most records one push may carry; iSales pushes each result as its call ends, a few at a time. */
export const MAX_RECORDS_PER_PUSH = 100;
/** MAX_RECORDS_PER_PUSH records of the documented fields as JSON, with room: a longer body is a 413, unread. */
export const CALLBACK_BODY_LIMIT_BYTES = 64 * 1024;

/** The same rule as the REST route's `callId` (docs/isales/call-results-choices.md section 2). */
const ID = /^[0-9A-Za-z._:-]{1,64}$/;
/** Bounds on what a record's fields may hold: anything longer is not iSales' record. */
const MAX_TEXT = 256;
const MAX_LONG_TEXT = 2048;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type RecordVerdict = { record: CallResultEvent } | { invalid: string };

function idText(value: unknown): string | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof id === 'string' && ID.test(id) ? id : undefined;
}

/** A scalar as text; undefined when it is not one iSales would send (an object, too long, control characters). */
function text(value: unknown, max: number): string | null | undefined {
  if (value === null || value === undefined) return null;
  const scalar = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof scalar !== 'string' || scalar.length > max || CONTROL.test(scalar)) return undefined;
  return scalar;
}

function vdnOf(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= 9999 ? number : null;
}

/**
 * Validates one pushed record and maps it to the kept shape; `zone` is the tenant's, for
 * `callTimeStr` (docs/isales/call-results-choices.md section 1). Refused, naming the field at fault
 * and never its value: no usable `callId` (what a re-push is recognised by) or `vdnId` (the stream
 * it belongs to), or a field that is not a short scalar. Tolerant elsewhere: unknown fields are
 * dropped, an unknown `callStatus` is passed as its own text.
 */
export function toCallResultEvent(raw: unknown, zoneOf: (vdnId: number) => string, receivedAt: string): RecordVerdict {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { invalid: 'is not an object' };
  const input = raw as IsalesCallbackRecord;
  const callId = typeof input.callId === 'string' && ID.test(input.callId) ? input.callId : null;
  if (callId === null) return { invalid: 'callId must be 1 to 64 of 0-9 A-Z a-z . _ : -' };
  const vdnId = vdnOf(input.vdnId);
  if (vdnId === null) return { invalid: 'vdnId must be a VDN id 1..9999' };
  const campaignId = idText(input.campaignId);
  if (campaignId === undefined) return { invalid: 'campaignId must be 1 to 64 of 0-9 A-Z a-z . _ : -' };
  const fields = {
    sessionId: text(input.sessionId, MAX_TEXT),
    called: text(input.called, MAX_TEXT),
    failCode: text(input.failCode, MAX_TEXT),
    callTimeStr: text(input.callTimeStr, MAX_TEXT),
    callStatus: text(input.callStatus, MAX_TEXT),
    recordPath: text(input.recordPath, MAX_LONG_TEXT),
    customField: text(input.customField, MAX_LONG_TEXT),
  };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) return { invalid: `${name} must be a string or number without control characters, at most ${MAX_LONG_TEXT} characters` };
  }
  const { sessionId, called, failCode, callTimeStr, recordPath, customField } = fields;
  return {
    record: {
      callId,
      vdnId,
      campaignId,
      sessionId: sessionId ?? null,
      calledNumber: called ?? null,
      status: toCallStatus(input.callStatus),
      failCode: failCode ?? null,
      calledAt: isalesTimeInZone(callTimeStr, zoneOf(vdnId)),
      // Empty outside SaaS deployments, as on the REST route: left out rather than sent as "".
      ...(recordPath && recordPath.trim() !== '' && { recordingUrl: recordPath }),
      ...(customField && { customField }),
      receivedAt,
    },
  };
}

/** The VDN a pushed record names (before it is validated), to tell a record outside the token's VDNs. */
export function vdnOfRecord(raw: unknown): number | null {
  return typeof raw === 'object' && raw !== null ? vdnOf((raw as IsalesCallbackRecord).vdnId) : null;
}
