import { stringOrNull } from '../../common/mapping/values';

export const CALL_STATUSES = ['failed', 'succeeded'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** A call result's `status` in the document: the same in a queried result and in a pushed one. */
export const CALL_STATUS_PROPERTY = {
  type: String,
  nullable: true,
  example: 'succeeded',
  description: `one of ${CALL_STATUSES.join(', ')} (iSales callStatus 5, 6), or another raw iSales value`,
};

/**
 * iSales' `callStatus` (5 call failed, 6 call succeeded): typed int on its pages, sent as the string
 * "6" by callresultdetail's own example and as the number 6 by the result callback's
 * (docs/isales/call-results-choices.md §2), so both are read. Any other value passes through as its
 * own text, never dropped and never an error.
 */
export function toCallStatus(raw: unknown): CallStatus | (string & {}) | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (text === 5 || text === '5') return 'failed';
  if (text === 6 || text === '6') return 'succeeded';
  return stringOrNull(raw);
}
