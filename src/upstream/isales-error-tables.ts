import { IsalesOperation } from './isales-operation';

/**
 * What each documented iSales business code means for the caller, one table per operation,
 * because iSales reuses codes with different meanings per endpoint (docs/isales/api-notes.md section 3).
 * Anything not in an operation's table is an unknown code and becomes a 502.
 */
export type UpstreamOutcome = 'invalid' | 'not-found' | 'conflict' | 'rate-limited' | 'failure';

export const OUTCOME_STATUS: Readonly<Record<UpstreamOutcome, number>> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  failure: 502,
};

export const ISALES_SUCCESS = '0200000';

/** 02000001..02000011: the generic validation codes listed on every page. */
const GENERIC_PARAMETER_CODES: Record<string, UpstreamOutcome> = Object.fromEntries(
  Array.from({ length: 11 }, (_, i) => [`020000${String(i + 1).padStart(2, '0')}`, 'invalid' as const]),
);

/** 0200022 "interface called too fast" (ADDNUM); the design maps it to 429 wherever it comes. */
const CALLED_TOO_FAST: Record<string, UpstreamOutcome> = { '0200022': 'rate-limited' };

/** appoint/update and appoint/updateResult (docs/isales/write-api-notes.md sections 6-7). */
const RESERVATION_CHANGE: Record<string, UpstreamOutcome> = {
  '0200001': 'invalid',
  '0200006': 'failure',
  '02000001': 'invalid',
  '02000002': 'invalid',
  '02000003': 'invalid',
  '04000004': 'not-found',
  ...CALLED_TOO_FAST,
};

export const ISALES_ERROR_TABLES: Readonly<Record<IsalesOperation, Readonly<Record<string, UpstreamOutcome>>>> = {
  // docs/isales/operations.md#queryDataImportTask. The en page calls 0200006 "invalid characters"; every other page (and the zh one)
  // says "database operation error", so it is treated as an upstream failure.
  queryDataImportTask: {
    '0200001': 'invalid',
    '0200006': 'failure',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  },
  // docs/isales/operations.md#queryServer. 0200033/0200034 are copied from the write-back page; mapped as documented all the same.
  queryServer: {
    '0200001': 'invalid',
    '0200033': 'not-found',
    '0200034': 'conflict',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  },
  // docs/isales/operations.md#queryBusinessResults: 0200005 and 0200007 are "parameter error" on this page only.
  queryBusinessResults: {
    '0200001': 'invalid',
    '0200005': 'invalid',
    '0200007': 'invalid',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  },
  // docs/isales/operations.md#appointList has an empty table; these come from the sibling appointment pages (docs/isales/api-notes.md §1.4).
  appointList: {
    '0200001': 'invalid',
    '0200006': 'failure',
    '0200007': 'not-found',
    ...GENERIC_PARAMETER_CODES,
    '04000001': 'invalid',
    '04000002': 'invalid',
    '04000004': 'not-found',
    '04000005': 'conflict',
    ...CALLED_TOO_FAST,
  },

  // The writes (docs/isales/write-api-notes.md): only the codes each page lists; 0200022 wherever it comes.
  // addServer's table (section 1) looks copy-pasted (0200033/0200034 cannot come from it); mapped as documented.
  addServer: {
    '0200001': 'invalid',
    '0200033': 'not-found',
    '0200034': 'conflict',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  },
  // Section 2: only row 1 (0200001) was retrieved; the generic family is the one every file-server
  // page lists (section 13). Anything else, 0200006 included, stays a 502.
  updateServer: {
    '0200001': 'invalid',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  },
  // Section 3, complete: 0200006 means "server configuration does not exist" here, a database error elsewhere.
  deleteServer: {
    '0200001': 'invalid',
    '0200006': 'not-found',
    '0200033': 'not-found',
    '0200034': 'conflict',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  },
  // Section 5, rows 1-8 (the rest was cut off).
  appointCreate: {
    '0200001': 'invalid',
    '0200006': 'failure',
    '0200007': 'not-found',
    '02000001': 'invalid',
    '02000002': 'invalid',
    '02000003': 'invalid',
    '04000001': 'invalid',
    '04000002': 'invalid',
    ...CALLED_TOO_FAST,
  },
  // Sections 6 and 7, both complete, list the same six codes.
  appointUpdate: RESERVATION_CHANGE,
  appointUpdateResult: RESERVATION_CHANGE,
  // Section 8, complete.
  appointDelete: {
    '0200001': 'invalid',
    '0200006': 'failure',
    '02000001': 'invalid',
    '04000004': 'not-found',
    '04000005': 'conflict',
    ...CALLED_TOO_FAST,
  },
  // Section 9, rows 1-4 (row 5 was cut off after "02000").
  addBusinessResult: {
    '0200001': 'invalid',
    '0200006': 'failure',
    '02000001': 'invalid',
    '02000002': 'invalid',
    ...CALLED_TOO_FAST,
  },
};

export function outcomeOf(operation: IsalesOperation, code: string): UpstreamOutcome | undefined {
  return Object.hasOwn(ISALES_ERROR_TABLES[operation], code) ? ISALES_ERROR_TABLES[operation][code] : undefined;
}
