import {
  BLOCKLIST_COMMON,
  CALLED_TOO_FAST,
  CAMPAIGN_READ,
  CAMPAIGN_STATE_CHANGE,
  ErrorTable,
  GENERIC_PARAMETER_CODES,
  OUTCOME_STATUS,
  RESERVATION_CHANGE,
  UpstreamOutcome,
} from './error-codes';

/** Most operations are POSTs; the campaign pages use GET, PUT and DELETE (docs/isales/next-api-notes.md sections 1 and 3). */
export type IsalesMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Every iSales operation the gateway calls, declared once (docs/design.md section 15). The client's
 * call, the operation's policy chain, the problems its routes document in OpenAPI and the
 * simulator's route table are all derived from these declarations, so an operation is described in
 * one place. Pure data: the simulator imports this file too.
 */
export interface OperationDeclaration {
  readonly name: string;
  readonly method: IsalesMethod;
  /**
   * After `/rest/isales/v1/openapi/campaigns/{vdnId}/`; `{name}` marks a path parameter. Empty for
   * the campaign list, which is `/rest/isales/v1/openapi/campaigns/{vdnId}` itself.
   */
  readonly path: string;
  /**
   * A read is safe to send twice: retried after any upstream failure and shared by identical
   * concurrent calls. A write, once it may have reached iSales, is never repeated (it could happen
   * twice), and never shared.
   */
  readonly kind: 'read' | 'write';
  /** List reads only: where the answer keeps the list and the total. */
  readonly listField?: string;
  readonly countField?: string;
  /** Reads of one record only: where the answer keeps it. */
  readonly recordField?: string;
  /** What each documented business code means here. */
  readonly errors: ErrorTable;
  /** A code that is about one input: the request parameter its problem names in `invalidParams`, and why. */
  readonly errorParams?: Readonly<Record<string, { name: string; reason: string }>>;
  /** Every problem status a call of this operation can produce (derived: see `declare`). */
  readonly statuses: readonly number[];
}

/**
 * What any call to iSales can answer besides its table's codes: 429 (HTTP 429 flow control), 502
 * (a 5xx, an unknown code, an unreadable body, an unreachable iSales, refused credentials), 503 (the
 * breaker, the bulkheads, the quota), 504 (the deadline).
 */
export const ANY_CALL_STATUSES: readonly number[] = [429, 502, 503, 504];

function declare(name: string, spec: Omit<OperationDeclaration, 'name' | 'statuses'>): OperationDeclaration {
  const fromTable = Object.values(spec.errors).map((outcome: UpstreamOutcome) => OUTCOME_STATUS[outcome]);
  const statuses = [...new Set([...fromTable, ...ANY_CALL_STATUSES])].sort((a, b) => a - b);
  return Object.freeze({ name, ...spec, statuses });
}

const read = (name: string, method: 'GET' | 'POST', path: string, listField: string, countField: string, errors: ErrorTable) =>
  declare(name, { method, path, kind: 'read', listField, countField, errors });
/** A read of one record: a GET whose answer keeps it in `recordField`, no list. */
const readOne = (name: string, path: string, recordField: string, errors: ErrorTable) =>
  declare(name, { method: 'GET', path, kind: 'read', recordField, errors });
// The writes (docs/isales/write-api-notes.md): every one is a POST, whatever it does.
const write = (name: string, path: string, errors: ErrorTable) => declare(name, { method: 'POST', path, kind: 'write', errors });
// The campaign pages' writes that are not POSTs (docs/isales/next-api-notes.md sections 1 and 3).
const writeWith = (name: string, method: 'PUT' | 'DELETE', path: string, errors: ErrorTable) => declare(name, { method, path, kind: 'write', errors });

/** The operations by name (docs/isales/operations.md, docs/isales/write-api-notes.md). */
export const ISALES = {
  // docs/isales/operations.md#queryDataImportTask. The en page calls 0200006 "invalid characters"; every other page (and the zh one)
  // says "database operation error", so it is treated as an upstream failure.
  queryDataImportTask: read('queryDataImportTask', 'POST', 'blackfile/queryDataImportTask', 'result', 'count', {
    '0200001': 'invalid',
    '0200006': 'failure',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  }),
  // docs/isales/operations.md#queryServer. 0200033/0200034 are copied from the write-back page; mapped as documented all the same.
  queryServer: read('queryServer', 'POST', 'file/queryServer', 'server', 'count', {
    '0200001': 'invalid',
    '0200033': 'not-found',
    '0200034': 'conflict',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  }),
  // docs/isales/operations.md#queryBusinessResults: 0200005 and 0200007 are "parameter error" on this page only.
  queryBusinessResults: read('queryBusinessResults', 'GET', 'queryBusinessResults', 'data', 'totalCount', {
    '0200001': 'invalid',
    '0200005': 'invalid',
    '0200007': 'invalid',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  }),
  // docs/isales/operations.md#appointList has an empty table; these come from the sibling appointment pages (docs/isales/api-notes.md §1.4).
  appointList: read('appointList', 'POST', 'appoint/list', 'data', 'totalCount', {
    '0200001': 'invalid',
    '0200006': 'failure',
    '0200007': 'not-found',
    ...GENERIC_PARAMETER_CODES,
    '04000001': 'invalid',
    '04000002': 'invalid',
    '04000004': 'not-found',
    '04000005': 'conflict',
    ...CALLED_TOO_FAST,
  }),
  // Only the codes each page lists; 0200022 wherever it comes.
  // addServer's table (section 1) looks copy-pasted (0200033/0200034 cannot come from it); mapped as documented.
  addServer: write('addServer', 'file/addServer', {
    '0200001': 'invalid',
    '0200033': 'not-found',
    '0200034': 'conflict',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  }),
  // Section 2: only row 1 (0200001) was retrieved; the generic family is the one every file-server
  // page lists (section 13). Anything else, 0200006 included, stays a 502.
  updateServer: write('updateServer', 'file/{serverId}/updateServer', {
    '0200001': 'invalid',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  }),
  // Section 3, complete: 0200006 means "server configuration does not exist" here, a database error elsewhere.
  deleteServer: write('deleteServer', 'file/{serverId}/deleteServer', {
    '0200001': 'invalid',
    '0200006': 'not-found',
    '0200033': 'not-found',
    '0200034': 'conflict',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  }),
  // Section 5, rows 1-8 (the rest was cut off).
  appointCreate: write('appointCreate', 'appoint/create', {
    '0200001': 'invalid',
    '0200006': 'failure',
    '0200007': 'not-found',
    '02000001': 'invalid',
    '02000002': 'invalid',
    '02000003': 'invalid',
    '04000001': 'invalid',
    '04000002': 'invalid',
    ...CALLED_TOO_FAST,
  }),
  // Sections 6 and 7, both complete, list the same six codes.
  appointUpdate: write('appointUpdate', 'appoint/update', RESERVATION_CHANGE),
  appointUpdateResult: write('appointUpdateResult', 'appoint/updateResult', RESERVATION_CHANGE),
  // Section 8, complete.
  appointDelete: write('appointDelete', 'appoint/delete', {
    '0200001': 'invalid',
    '0200006': 'failure',
    '02000001': 'invalid',
    '04000004': 'not-found',
    '04000005': 'conflict',
    ...CALLED_TOO_FAST,
  }),
  // Section 9, rows 1-4 (row 5 was cut off after "02000").
  addBusinessResult: write('addBusinessResult', 'addBusinessResult', {
    '0200001': 'invalid',
    '0200006': 'failure',
    '02000001': 'invalid',
    '02000002': 'invalid',
    ...CALLED_TOO_FAST,
  }),

  // Call results, call data and its import tasks (docs/isales/call-results-choices.md).
  // §2: the page's table is cut after its header; these are the codes of the sibling result pages.
  callResultDetail: readOne('callResultDetail', 'callresultdetail/{callId}', 'data', {
    '0200001': 'invalid',
    '0200006': 'failure',
    '0200007': 'not-found',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  }),
  // §3, complete. 0200034 is the caller's sub-status not matching its result: a 400 naming it, not the generic 409.
  callBusiResult: declare('callBusiResult', {
    method: 'POST',
    path: 'callBusiResult/{dataId}',
    kind: 'write',
    errors: { '0200001': 'invalid', '0200033': 'not-found', '0200034': 'invalid', '0200999': 'failure', ...GENERIC_PARAMETER_CODES, ...CALLED_TOO_FAST },
    errorParams: { '0200034': { name: 'subStatus', reason: 'is not a sub-status of businessResult' } },
  }),
  // §4: no error table retrieved; the blacklist import query's, plus 0200007 as on every page that takes a campaign id.
  queryCallDataImportTask: read('queryCallDataImportTask', 'POST', 'calldatafile/queryDataImportTask/{campaignId}', 'result', 'count', {
    '0200001': 'invalid',
    '0200006': 'failure',
    '0200007': 'not-found',
    ...GENERIC_PARAMETER_CODES,
    ...CALLED_TOO_FAST,
  }),

  // Campaigns and do-not-call numbers (docs/isales/next-api-notes.md sections 1 and 3; the choices where a page
  // is silent: docs/isales/next-api-choices.md).
  // Section 3, list: 13 rows, complete.
  campaignList: read('campaignList', 'GET', '', 'data', 'totalSize', CAMPAIGN_READ),
  // Section 3, detail: its table (表21) was not retrieved; the list's codes, plus 0200007 as the pause page means it.
  campaignDetail: readOne('campaignDetail', '{campaignId}', 'returnObject', { ...CAMPAIGN_READ, '0200007': 'not-found' }),
  // Section 3, pause and resume: complete, the same codes (0200011 "the current state forbids it").
  campaignPause: writeWith('campaignPause', 'PUT', '{campaignId}/pause', CAMPAIGN_STATE_CHANGE),
  campaignResume: writeWith('campaignResume', 'PUT', '{campaignId}/resume', CAMPAIGN_STATE_CHANGE),
  // Section 1, query: its table was not retrieved; the family every blocklist page lists.
  blocklistQuery: read('blocklistQuery', 'POST', 'blocklist/query', 'data', 'totalCount', BLOCKLIST_COMMON),
  // docs/isales/write-api-notes.md section 10.1, the older page's complete table: 0200007 means "already blocked" here.
  blocklistAdd: write('blocklistAdd', 'blocklist/add', {
    ...BLOCKLIST_COMMON,
    '0200007': 'conflict',
    '0200018': 'invalid',
    '0200029': 'invalid',
  }),
  // Section 1, delete: table 5, complete (02000012-02000015 are about groups and types, which the gateway never sends).
  blocklistDelete: write('blocklistDelete', 'blocklist/delete', {
    ...BLOCKLIST_COMMON,
    '02000012': 'conflict',
    '02000013': 'invalid',
    '02000014': 'conflict',
    '02000015': 'invalid',
  }),
  // Section 1, delete all: the category page's table 4.
  blocklistDeleteAll: writeWith('blocklistDeleteAll', 'DELETE', 'blocklist', BLOCKLIST_COMMON),
} as const satisfies Record<string, OperationDeclaration>;

export type IsalesOperation = keyof typeof ISALES;
export { ISALES_SUCCESS, OUTCOME_STATUS, type UpstreamOutcome } from './error-codes';

/** The names, in declaration order: metrics pre-register a series per operation from this list. */
export const ISALES_OPERATIONS = Object.keys(ISALES) as IsalesOperation[];

/** Each operation's table, by name. */
export const ISALES_ERROR_TABLES: Readonly<Record<IsalesOperation, ErrorTable>> = Object.fromEntries(
  ISALES_OPERATIONS.map((name) => [name, ISALES[name].errors]),
) as Record<IsalesOperation, ErrorTable>;

export function outcomeOf(operation: IsalesOperation, code: string): UpstreamOutcome | undefined {
  const table = ISALES[operation].errors;
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

/** The input parameter a code of this operation is about, if its declaration names one. */
export function namedParamOf(operation: IsalesOperation, code: string): { name: string; reason: string } | undefined {
  const params: OperationDeclaration['errorParams'] = ISALES[operation].errorParams;
  return params !== undefined && Object.hasOwn(params, code) ? params[code] : undefined;
}
