import { ISALES_ERROR_TABLES, namedParamOf, OUTCOME_STATUS, outcomeOf } from './operations.catalogue';
import { IsalesBusinessError } from './isales.errors';
import { ISALES_OPERATIONS, IsalesOperation } from './operations.catalogue';

const generic = Array.from({ length: 11 }, (_, i) => `020000${String(i + 1).padStart(2, '0')}`);
const genericRows = Object.fromEntries(generic.map((c) => [c, 400]));

// Every code listed on the pages of docs/isales/operations.md (and docs/isales/api-notes.md §1.4 for appoint/list), with the status the
// design assigns it. One row per (operation, code).
const expected: Record<IsalesOperation, Record<string, number>> = {
  queryDataImportTask: { '0200001': 400, '0200006': 502, '0200022': 429, ...genericRows },
  queryServer: { '0200001': 400, '0200033': 404, '0200034': 409, '0200022': 429, ...genericRows },
  queryBusinessResults: {
    '0200001': 400,
    '0200005': 400,
    '0200007': 400,
    '0200022': 429,
    ...genericRows,
  },
  appointList: {
    '0200001': 400,
    '0200006': 502,
    '0200007': 404,
    '04000001': 400,
    '04000002': 400,
    '04000004': 404,
    '04000005': 409,
    '0200022': 429,
    ...genericRows,
  },
  // docs/isales/write-api-notes.md sections 1-9.
  addServer: { '0200001': 400, '0200033': 404, '0200034': 409, '0200022': 429, ...genericRows },
  updateServer: { '0200001': 400, '0200022': 429, ...genericRows },
  deleteServer: {
    '0200001': 400,
    '0200006': 404,
    '0200033': 404,
    '0200034': 409,
    '0200022': 429,
    ...genericRows,
  },
  appointCreate: {
    '0200001': 400,
    '0200006': 502,
    '0200007': 404,
    '02000001': 400,
    '02000002': 400,
    '02000003': 400,
    '04000001': 400,
    '04000002': 400,
    '0200022': 429,
  },
  appointUpdate: { '0200001': 400, '0200006': 502, '02000001': 400, '02000002': 400, '02000003': 400, '04000004': 404, '0200022': 429 },
  appointUpdateResult: { '0200001': 400, '0200006': 502, '02000001': 400, '02000002': 400, '02000003': 400, '04000004': 404, '0200022': 429 },
  appointDelete: { '0200001': 400, '0200006': 502, '02000001': 400, '04000004': 404, '04000005': 409, '0200022': 429 },
  addBusinessResult: { '0200001': 400, '0200006': 502, '02000001': 400, '02000002': 400, '0200022': 429 },
  // docs/isales/call-results-choices.md §2-§4.
  callResultDetail: { '0200001': 400, '0200006': 502, '0200007': 404, '0200022': 429, ...genericRows },
  callBusiResult: {
    '0200001': 400,
    '0200033': 404,
    '0200034': 400,
    '0200999': 502,
    '0200022': 429,
    ...genericRows,
  },
  queryCallDataImportTask: { '0200001': 400, '0200006': 502, '0200007': 404, '0200022': 429, ...genericRows },
  // docs/isales/next-api-notes.md sections 1 and 3; docs/isales/write-api-notes.md section 10.1.
  campaignList: { '0200001': 400, '0200006': 502, '0200022': 429, ...genericRows },
  campaignDetail: { '0200001': 400, '0200006': 502, '0200007': 404, '0200022': 429, ...genericRows },
  campaignPause: { '0200001': 400, '0200006': 502, '0200007': 404, '0200011': 409, '0200022': 429, ...genericRows },
  campaignResume: { '0200001': 400, '0200006': 502, '0200007': 404, '0200011': 409, '0200022': 429, ...genericRows },
  blocklistQuery: { '0200001': 400, '0200006': 502, '0200022': 429, ...genericRows },
  blocklistAdd: { '0200001': 400, '0200006': 502, '0200007': 409, '0200018': 400, '0200029': 400, '0200022': 429, ...genericRows },
  blocklistDelete: {
    '0200001': 400,
    '0200006': 502,
    '02000012': 409,
    '02000013': 400,
    '02000014': 409,
    '02000015': 400,
    '0200022': 429,
    ...genericRows,
  },
  blocklistDeleteAll: { '0200001': 400, '0200006': 502, '0200022': 429, ...genericRows },
};

const rows = ISALES_OPERATIONS.flatMap((operation) => Object.entries(expected[operation]).map(([code, status]) => [operation, code, status] as const));

describe('iSales error tables', () => {
  it.each(rows)('%s %s -> %i', (operation, code, status) => {
    const outcome = outcomeOf(operation, code);
    expect(outcome).toBeDefined();
    expect(OUTCOME_STATUS[outcome!]).toBe(status);
    const error = new IsalesBusinessError(operation, code, 'desc', outcome);
    expect(error.status).toBe(status);
    expect(error.upstream).toEqual({ code, description: 'desc' });
  });

  it('has no row the expectations above do not cover', () => {
    for (const operation of ISALES_OPERATIONS) {
      expect(Object.keys(ISALES_ERROR_TABLES[operation]).sort()).toEqual(Object.keys(expected[operation]).sort());
    }
  });

  it('reads 0200006 per operation: no such server on deleteServer, a database error elsewhere', () => {
    expect(new IsalesBusinessError('deleteServer', '0200006', '', outcomeOf('deleteServer', '0200006')).status).toBe(404);
    expect(new IsalesBusinessError('appointDelete', '0200006', '', outcomeOf('appointDelete', '0200006')).status).toBe(502);
    expect(new IsalesBusinessError('updateServer', '0200006', '', outcomeOf('updateServer', '0200006')).status).toBe(502);
  });

  it('treats an unknown code as a 502, and codes as strings (0200001 is not 02000001)', () => {
    expect(outcomeOf('queryServer', '0200006')).toBeUndefined();
    expect(new IsalesBusinessError('queryServer', '9999999', '', undefined).status).toBe(502);
    expect(outcomeOf('queryServer', 'toString')).toBeUndefined();
  });

  it('names the parameter a code is about: callBusiResult\u2019s 0200034 is the sub-status', () => {
    expect(namedParamOf('callBusiResult', '0200034')).toEqual({ name: 'subStatus', reason: expect.any(String) });
    expect(namedParamOf('callBusiResult', '0200033')).toBeUndefined();
    expect(namedParamOf('queryServer', '0200034')).toBeUndefined();
    const error = new IsalesBusinessError('callBusiResult', '0200034', 'mismatch', 'invalid', namedParamOf('callBusiResult', '0200034'));
    expect(error.invalidParams).toEqual([{ name: 'subStatus', reason: expect.any(String) }]);
  });

  it('reads 0200007 per operation: no such campaign on pause, a number already blocked on blocklist/add', () => {
    expect(new IsalesBusinessError('campaignPause', '0200007', '', outcomeOf('campaignPause', '0200007')).status).toBe(404);
    expect(new IsalesBusinessError('blocklistAdd', '0200007', '', outcomeOf('blocklistAdd', '0200007')).status).toBe(409);
  });

  it('asks callers to retry after a "called too fast"', () => {
    expect(new IsalesBusinessError('appointList', '0200022', 'too fast', 'rate-limited').retryAfterS).toBe(1);
  });
});
