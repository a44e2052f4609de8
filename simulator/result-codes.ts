/**
 * The iSales business codes the simulator emits, with the descriptions of the pages' tables (docs/isales/operations.md).
 * Codes are strings: 0200001 (7 digits) and 02000001 (8 digits) are different codes (docs/isales/api-notes.md §3).
 */
export const RESULT_CODES = {
  success: '0200000',
  parameterError: '0200001',
  databaseError: '0200006',
  /** deleteServer's own meaning of 0200006 (docs/isales/write-api-notes.md §3). */
  serverNotFound: '0200006',
  campaignNotFound: '0200007',
  calledTooFast: '0200022',
  /** Pause and resume (docs/isales/next-api-notes.md section 3). */
  campaignStateForbids: '0200011',
  /** blocklist/add's own meaning of 0200007, and its 0200018 and 0200029 (docs/isales/write-api-notes.md section 10.1). */
  numberAlreadyBlocked: '0200007',
  duplicateNumbers: '0200018',
  tooManyNumbers: '0200029',
  wrongCombination: '02000009',
  empty: '02000001',
  illegalCharacters: '02000002',
  tooLong: '02000003',
  lengthOutOfRange: '02000005',
  wrongType: '02000006',
  wrongValue: '02000007',
  conversionError: '02000008',
  tooMany: '02000011',
  invalidTime: '04000001',
  invalidCalledNumber: '04000002',
  appointmentNotFound: '04000004',
  appointmentCalled: '04000005',
  // callBusiResult (docs/isales/call-results-choices.md §3).
  callDataNotFound: '0200033',
  subStatusMismatch: '0200034',
  writeBackFailed: '0200999',
} as const;

const DESCRIPTIONS: Record<string, string> = {
  '0200000': 'success',
  '0200001': 'Parameter error',
  '0200005': 'Parameter error',
  '0200006': 'Database operation error',
  '0200007': 'The outbound campaign does not exist',
  '0200011': 'The current state does not allow this operation',
  '0200018': 'Duplicate numbers exist',
  '0200022': 'The interface is called too frequently',
  '0200029': 'The number of numbers exceeds the maximum of a single add',
  '02000001': 'Empty parameter',
  '02000002': 'The parameter contains invalid characters',
  '02000003': 'The parameter length cannot exceed the maximum length',
  '02000004': 'The parameter length cannot be less than the minimum length',
  '02000005': 'The parameter length must be within the specified range',
  '02000006': 'Incorrect parameter type',
  '02000007': 'Incorrect parameter value',
  '02000008': 'Parameter conversion error',
  '02000009': 'Incorrect parameter combination',
  '02000010': 'The hour and minute parameters must be set at the same time',
  '02000011': 'The number of parameters cannot exceed the specified number',
  '04000001': 'Invalid time',
  '04000002': 'Invalid called number',
  '04000004': 'The reservation does not exist',
  '04000005': 'A reserved outbound call task under which calls are made cannot be deleted',
  '0200033': 'The outbound data does not exist',
  '0200034': 'The sub-status does not match the business result',
  '0200999': 'Failed to write back the business result',
};

export function describeResultCode(code: string): string {
  return DESCRIPTIONS[code] ?? 'Simulated failure';
}
