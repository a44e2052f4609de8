/**
 * iSales business codes and what they mean for the caller. iSales reuses codes with different
 * meanings per endpoint (docs/isales/api-notes.md section 3), so each operation of the catalogue
 * (operations.catalogue.ts) has its own table, assembled from the families below; anything not in an
 * operation's table is an unknown code and becomes a 502.
 */
export type UpstreamOutcome = 'invalid' | 'not-found' | 'conflict' | 'rate-limited' | 'failure';

export type ErrorTable = Readonly<Record<string, UpstreamOutcome>>;

export const OUTCOME_STATUS: Readonly<Record<UpstreamOutcome, number>> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  failure: 502,
};

export const ISALES_SUCCESS = '0200000';

/** 02000001..02000011: the generic validation codes listed on every page. */
export const GENERIC_PARAMETER_CODES: ErrorTable = Object.fromEntries(
  Array.from({ length: 11 }, (_, i) => [`020000${String(i + 1).padStart(2, '0')}`, 'invalid' as const]),
);

/** 0200022 "interface called too fast" (ADDNUM); the design maps it to 429 wherever it comes. */
export const CALLED_TOO_FAST: ErrorTable = { '0200022': 'rate-limited' };

/** appoint/update and appoint/updateResult (docs/isales/write-api-notes.md sections 6-7). */
export const RESERVATION_CHANGE: ErrorTable = {
  '0200001': 'invalid',
  '0200006': 'failure',
  '02000001': 'invalid',
  '02000002': 'invalid',
  '02000003': 'invalid',
  '04000004': 'not-found',
  ...CALLED_TOO_FAST,
};

// Campaigns and the do-not-call list (docs/isales/next-api-notes.md sections 1 and 3).

/** The campaign list's table (13 rows): 0200006 is a database error. */
export const CAMPAIGN_READ: ErrorTable = {
  '0200001': 'invalid',
  '0200006': 'failure',
  ...GENERIC_PARAMETER_CODES,
  ...CALLED_TOO_FAST,
};

/** Pause and resume: 0200007 the campaign no longer exists, 0200011 its state forbids the change. */
export const CAMPAIGN_STATE_CHANGE: ErrorTable = {
  ...CAMPAIGN_READ,
  '0200007': 'not-found',
  '0200011': 'conflict',
};

/** What every blocklist page lists: 0200001, 0200006 (database) and the generic family. */
export const BLOCKLIST_COMMON: ErrorTable = CAMPAIGN_READ;
