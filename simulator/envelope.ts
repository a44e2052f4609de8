import { RESULT_CODES } from './result-codes';

export interface EnvelopeMode {
  /** Omit returnCode/returnDesc (some sibling endpoints answer with resultCode only, docs/isales/api-notes.md §3). */
  dropReturnCode: boolean;
}

export type ResponseBody = Record<string, unknown>;

function envelope(code: string, desc: string, mode: EnvelopeMode): ResponseBody {
  return mode.dropReturnCode ? { resultCode: code, resultDesc: desc } : { resultCode: code, resultDesc: desc, returnCode: code, returnDesc: desc };
}

/** HTTP 200 success: the payload fields first, then resultCode=returnCode and resultDesc=returnDesc. */
export function successBody(payload: ResponseBody, mode: EnvelopeMode, desc = 'success'): ResponseBody {
  return { ...payload, ...envelope(RESULT_CODES.success, desc, mode) };
}

/** HTTP 200 business failure: the four envelope fields only (docs/isales/api-notes.md §5.2). */
export function failureBody(code: string, desc: string, mode: EnvelopeMode): ResponseBody {
  return envelope(code, desc, mode);
}
