import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { IsalesCredentials } from './isales-credentials.provider';
import { IsalesOperation } from './operations.catalogue';
import { IsalesBadResponseError } from './isales.errors';
import { IsalesPolicies } from './isales-policies';
import { IsalesTransport } from './isales-transport';
import {
  AppointmentQuery,
  BlocklistQuery,
  BusinessResultQuery,
  CampaignQuery,
  IsalesBlockedNumber,
  IsalesBlocklistInput,
  IsalesCampaign,
  FileServerQuery,
  ImportTaskQuery,
  IsalesAddServerAnswer,
  IsalesAppointment,
  IsalesAppointmentChange,
  IsalesAppointmentCreated,
  IsalesAppointmentInput,
  IsalesAppointmentResult,
  IsalesBusinessResult,
  IsalesBusinessResultDefinition,
  IsalesBusinessResultWriteBack,
  IsalesCallDataImportTask,
  IsalesCallResult,
  IsalesFileServer,
  IsalesImportTask,
  IsalesPage,
  IsalesServerInput,
  OffsetQuery,
} from './isales.types';
import { IsalesCaller } from './isales-caller';

/**
 * The typed face of iSales (the only one resource code sees): one method per operation of the
 * catalogue, taking and answering typed values; IsalesCaller does the signing, sending and reading.
 */
@Injectable()
export class IsalesClient {
  private readonly caller: IsalesCaller;

  constructor(@Inject(APP_CONFIG) appConfig: AppConfig, transport: IsalesTransport, credentials: IsalesCredentials, policies: IsalesPolicies) {
    this.caller = new IsalesCaller(appConfig, transport, credentials, policies);
  }

  listImportTasks(vdnId: number, query: ImportTaskQuery): Promise<IsalesPage<IsalesImportTask>> {
    return this.caller.list({ operation: 'queryDataImportTask', vdnId, body: query });
  }

  listFileServers(vdnId: number, query: FileServerQuery): Promise<IsalesPage<IsalesFileServer>> {
    return this.caller.list({ operation: 'queryServer', vdnId, body: query });
  }

  listBusinessResults(vdnId: number, query: BusinessResultQuery): Promise<IsalesPage<IsalesBusinessResult>> {
    const params = { pageSize: String(query.pageSize), pageNum: String(query.pageNum) };
    return this.caller.list({ operation: 'queryBusinessResults', vdnId, query: params });
  }

  listAppointments(vdnId: number, query: AppointmentQuery): Promise<IsalesPage<IsalesAppointment>> {
    return this.caller.list({ operation: 'appointList', vdnId, body: query });
  }

  /** The new server's id. */
  async addServer(vdnId: number, server: IsalesServerInput): Promise<string> {
    const answer: IsalesAddServerAnswer = await this.caller.call({ operation: 'addServer', vdnId, body: server });
    return createdId('addServer', answer.serverId);
  }

  async updateServer(vdnId: number, serverId: string, server: IsalesServerInput): Promise<void> {
    await this.caller.call({ operation: 'updateServer', vdnId, params: { serverId }, body: server });
  }

  /** The page documents no body (docs/isales/write-api-notes.md section 3); `{}` suits a JSON endpoint either way. */
  async deleteServer(vdnId: number, serverId: string): Promise<void> {
    await this.caller.call({ operation: 'deleteServer', vdnId, params: { serverId }, body: {} });
  }

  /** The new reservation's id. */
  async createAppointment(vdnId: number, appointment: IsalesAppointmentInput): Promise<string> {
    const answer: IsalesAppointmentCreated = await this.caller.call({ operation: 'appointCreate', vdnId, body: appointment });
    return createdId('appointCreate', answer.returnObject?.appointId ?? answer.returnObject?.id);
  }

  async updateAppointment(vdnId: number, change: IsalesAppointmentChange): Promise<void> {
    await this.caller.call({ operation: 'appointUpdate', vdnId, body: change });
  }

  async updateAppointmentResult(vdnId: number, result: IsalesAppointmentResult): Promise<void> {
    await this.caller.call({ operation: 'appointUpdateResult', vdnId, body: result });
  }

  async deleteAppointment(vdnId: number, appointId: string): Promise<void> {
    await this.caller.call({ operation: 'appointDelete', vdnId, body: { appointId } });
  }

  async addBusinessResult(vdnId: number, definition: IsalesBusinessResultDefinition): Promise<void> {
    await this.caller.call({ operation: 'addBusinessResult', vdnId, body: definition });
  }

  /** One call's result; null when iSales answers success without one (its way of saying "no such call" on other reads). */
  getCallResult(vdnId: number, callId: string): Promise<IsalesCallResult | null> {
    return this.caller.record({ operation: 'callResultDetail', vdnId, params: { callId } });
  }

  async writeBusinessResult(vdnId: number, dataId: number, result: IsalesBusinessResultWriteBack): Promise<void> {
    await this.caller.call({ operation: 'callBusiResult', vdnId, params: { dataId: String(dataId) }, body: result });
  }

  listCallDataImportTasks(vdnId: number, campaignId: string, query: OffsetQuery): Promise<IsalesPage<IsalesCallDataImportTask>> {
    return this.caller.list({ operation: 'queryCallDataImportTask', vdnId, params: { campaignId }, body: query });
  }

  // Campaigns and do-not-call numbers (docs/isales/next-api-notes.md sections 1 and 3).

  listCampaigns(vdnId: number, query: CampaignQuery): Promise<IsalesPage<IsalesCampaign>> {
    return this.caller.list({ operation: 'campaignList', vdnId, query: campaignSearch(query) });
  }

  /** The campaign, or null when iSales answered success without one (read as "no such campaign"). */
  getCampaign(vdnId: number, campaignId: number): Promise<IsalesCampaign | null> {
    return this.caller.record({ operation: 'campaignDetail', vdnId, params: { campaignId: String(campaignId) } });
  }

  /** No body (the pages: "no request body"); nothing is signed or sent but the path. */
  async pauseCampaign(vdnId: number, campaignId: number): Promise<void> {
    await this.caller.call({ operation: 'campaignPause', vdnId, params: { campaignId: String(campaignId) } });
  }

  async resumeCampaign(vdnId: number, campaignId: number): Promise<void> {
    await this.caller.call({ operation: 'campaignResume', vdnId, params: { campaignId: String(campaignId) } });
  }

  listBlockedNumbers(vdnId: number, query: BlocklistQuery): Promise<IsalesPage<IsalesBlockedNumber>> {
    return this.caller.list({ operation: 'blocklistQuery', vdnId, body: query });
  }

  async addBlockedNumbers(vdnId: number, input: IsalesBlocklistInput): Promise<void> {
    await this.caller.call({ operation: 'blocklistAdd', vdnId, body: input });
  }

  async deleteBlockedNumber(vdnId: number, number: string): Promise<void> {
    await this.caller.call({ operation: 'blocklistDelete', vdnId, body: { blocklistNo: number } });
  }

  async deleteAllBlockedNumbers(vdnId: number): Promise<void> {
    await this.caller.call({ operation: 'blocklistDeleteAll', vdnId });
  }
}

/** A create's answer without the new id: the write happened, but the caller cannot be told what it made. */
function createdId(operation: IsalesOperation, value: unknown): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new IsalesBadResponseError(operation, 'iSales answered success but sent no id for what it created');
}

/** The list's query: status and deviceType are required (0 = all), so they are always sent. */
function campaignSearch(query: CampaignQuery): Record<string, string> {
  const search: Record<string, string> = {};
  if (query.name !== undefined) search.name = query.name;
  search.status = String(query.status);
  search.deviceType = String(query.deviceType);
  if (query.beginTime !== undefined) search.beginTime = query.beginTime;
  if (query.endTime !== undefined) search.endTime = query.endTime;
  search.curPage = String(query.curPage);
  search.rowsPerPage = String(query.rowsPerPage);
  return search;
}
