import 'reflect-metadata';
// @nestjs/swagger's DECORATORS.API_RESPONSE (its constants are not exported).
const API_RESPONSE = 'swagger/apiResponse';
import { ApiProblems, GATEWAY_STATUSES } from '../common/swagger/api-problems.decorator';
import { AppointmentsController } from '../modules/appointments/appointments.controller';
import { FileServersController } from '../modules/file-servers/file-servers.controller';
import { CallDataController } from '../modules/call-data/call-data.controller';
import { CallResultsController } from '../modules/call-results/call-results.controller';
import { CampaignImportTasksController } from '../modules/campaign-import-tasks/campaign-import-tasks.controller';
import { CampaignsController } from '../modules/campaigns/campaigns.controller';
import { BlockedNumbersController } from '../modules/blocked-numbers/blocked-numbers.controller';
import { OUTCOME_STATUS } from './error-codes';
import { ANY_CALL_STATUSES, ISALES, ISALES_OPERATIONS, OperationDeclaration } from './operations.catalogue';

/** The statuses a route method (`prototype[name]`) documents as problems (4xx and 5xx), as Swagger reads them. */
function documentedProblems(prototype: object, name: string): number[] {
  const method = Object.getOwnPropertyDescriptor(prototype, name)?.value as object;
  const responses = (Reflect.getMetadata(API_RESPONSE, method) ?? {}) as Record<string, unknown>;
  return Object.keys(responses)
    .map(Number)
    .filter((status) => status >= 400)
    .sort((a, b) => a - b);
}

const sorted = (statuses: Iterable<number>) => [...new Set(statuses)].sort((a, b) => a - b);

describe('the catalogue of iSales operations', () => {
  it.each(ISALES_OPERATIONS)('%s is declared under its own name, with a path after {vdnId}/', (name) => {
    const declaration: OperationDeclaration = ISALES[name];
    expect(declaration.name).toBe(name);
    expect(declaration.path).not.toMatch(/^\/|campaigns/);
    // A read is a list or a read of one record, never both; a write is neither.
    const list = declaration.listField !== undefined && declaration.countField !== undefined;
    const record = declaration.recordField !== undefined;
    expect(declaration.kind === 'read').toBe(list !== record);
    expect(declaration.kind === 'write').toBe(!list && !record);
    // A write that is not a POST is one of the campaign pages' PUTs and DELETEs; a read is a GET or a POST.
    if (declaration.kind === 'read') expect(['GET', 'POST']).toContain(declaration.method);
  });

  it('declares the campaign and do-not-call operations as the pages say (docs/isales/next-api-notes.md sections 1 and 3)', () => {
    const shape = (name: keyof typeof ISALES) => [ISALES[name].method, ISALES[name].path, ISALES[name].kind];
    expect(shape('campaignList')).toEqual(['GET', '', 'read']);
    expect([ISALES.campaignList.listField, ISALES.campaignList.countField]).toEqual(['data', 'totalSize']);
    expect(shape('campaignDetail')).toEqual(['GET', '{campaignId}', 'read']);
    expect([ISALES.campaignDetail.listField, ISALES.campaignDetail.recordField]).toEqual([undefined, 'returnObject']);
    expect(shape('campaignPause')).toEqual(['PUT', '{campaignId}/pause', 'write']);
    expect(shape('campaignResume')).toEqual(['PUT', '{campaignId}/resume', 'write']);
    expect(shape('blocklistQuery')).toEqual(['POST', 'blocklist/query', 'read']);
    expect([ISALES.blocklistQuery.listField, ISALES.blocklistQuery.countField]).toEqual(['data', 'totalCount']);
    expect(shape('blocklistAdd')).toEqual(['POST', 'blocklist/add', 'write']);
    expect(shape('blocklistDelete')).toEqual(['POST', 'blocklist/delete', 'write']);
    expect(shape('blocklistDeleteAll')).toEqual(['DELETE', 'blocklist', 'write']);
    expect(ISALES.campaignPause.statuses).toEqual(expect.arrayContaining([404, 409]));
    expect(ISALES.blocklistAdd.statuses).toEqual(expect.arrayContaining([400, 409]));
  });

  it.each(ISALES_OPERATIONS)('%s can produce its table\u2019s statuses and those of any call, nothing else', (name) => {
    const fromTable = Object.values(ISALES[name].errors).map((outcome) => OUTCOME_STATUS[outcome]);
    expect(ISALES[name].statuses).toEqual(sorted([...fromTable, ...ANY_CALL_STATUSES]));
  });
});

describe('a route\u2019s documented problems come from its operations\u2019 tables', () => {
  it('documents exactly the statuses of the table it is given, plus the gateway\u2019s', () => {
    const table = (errors: OperationDeclaration['errors']): OperationDeclaration => ({
      ...ISALES.appointDelete,
      errors,
      statuses: sorted([...Object.values(errors).map((o) => OUTCOME_STATUS[o]), ...ANY_CALL_STATUSES]),
    });
    class Routes {
      withConflict(): void {}
      withoutConflict(): void {}
    }
    const withConflict = table({ '04000005': 'conflict' });
    const withoutConflict = table({ '0200001': 'invalid' });
    ApiProblems(withConflict)(Routes.prototype, 'withConflict', Object.getOwnPropertyDescriptor(Routes.prototype, 'withConflict')!);
    ApiProblems(withoutConflict)(Routes.prototype, 'withoutConflict', Object.getOwnPropertyDescriptor(Routes.prototype, 'withoutConflict')!);
    expect(documentedProblems(Routes.prototype, 'withConflict')).toContain(409);
    expect(documentedProblems(Routes.prototype, 'withoutConflict')).not.toContain(409);
    expect(documentedProblems(Routes.prototype, 'withoutConflict')).toEqual(sorted([...GATEWAY_STATUSES, 400, ...ANY_CALL_STATUSES]));
  });

  it('lists file servers with queryServer\u2019s statuses (0200033 -> 404, 0200034 -> 409 in its table)', () => {
    expect(documentedProblems(FileServersController.prototype, 'list')).toEqual(sorted([...GATEWAY_STATUSES, ...ISALES.queryServer.statuses]));
    expect(ISALES.queryServer.errors).toMatchObject({ '0200033': 'not-found', '0200034': 'conflict' });
  });

  it('deletes an appointment with appoint/delete\u2019s statuses: 409 because its table has 04000005', () => {
    expect(documentedProblems(AppointmentsController.prototype, 'remove')).toEqual(sorted([...GATEWAY_STATUSES, ...ISALES.appointDelete.statuses]));
    expect(documentedProblems(AppointmentsController.prototype, 'update')).not.toContain(409);
  });

  it('documents the call-result, write-back and import-task routes from their own tables (0200034 a 400 there, never a 409)', () => {
    expect(documentedProblems(CallResultsController.prototype, 'get')).toEqual(sorted([...GATEWAY_STATUSES, ...ISALES.callResultDetail.statuses, 404]));
    expect(documentedProblems(CallDataController.prototype, 'writeBusinessResult')).toEqual(
      sorted([...GATEWAY_STATUSES, ...ISALES.callBusiResult.statuses, 409, 422, 503]),
    );
    expect(ISALES.callBusiResult.statuses).toEqual([400, 404, 429, 502, 503, 504]);
    expect(documentedProblems(CampaignImportTasksController.prototype, 'list')).toEqual(
      sorted([...GATEWAY_STATUSES, ...ISALES.queryCallDataImportTask.statuses]),
    );
    expect(ISALES.queryCallDataImportTask.statuses).toContain(404);
  });

  it('pauses and resumes with their tables’ statuses (404 for 0200007, 409 for 0200011), plus Idempotency-Key’s', () => {
    const idempotency = [409, 422, 503];
    expect(documentedProblems(CampaignsController.prototype, 'pause')).toEqual(sorted([...GATEWAY_STATUSES, ...ISALES.campaignPause.statuses, ...idempotency]));
    expect(documentedProblems(CampaignsController.prototype, 'resume')).toEqual(
      sorted([...GATEWAY_STATUSES, ...ISALES.campaignResume.statuses, ...idempotency]),
    );
    expect(documentedProblems(CampaignsController.prototype, 'list')).toEqual(sorted([...GATEWAY_STATUSES, ...ISALES.campaignList.statuses]));
    expect(documentedProblems(CampaignsController.prototype, 'list')).not.toContain(409);
  });

  it('adds blocked numbers with blocklist/add’s statuses (409 for 0200007) and the look-up that names them', () => {
    const idempotency = [409, 422, 503];
    expect(documentedProblems(BlockedNumbersController.prototype, 'add')).toEqual(
      sorted([...GATEWAY_STATUSES, ...ISALES.blocklistAdd.statuses, ...ISALES.blocklistQuery.statuses, ...idempotency]),
    );
    expect(documentedProblems(BlockedNumbersController.prototype, 'removeAll')).toEqual(
      sorted([...GATEWAY_STATUSES, ...ISALES.blocklistDeleteAll.statuses, ...idempotency]),
    );
  });
});
