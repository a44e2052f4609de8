/**
 * Record shapes as iSales returns them (key order follows the pages' examples (docs/isales/operations.md)).
 * Types follow the examples, not the tables, where the two disagree (docs/isales/api-notes.md §1).
 */

export interface DataImportTask {
  succNum: number;
  failNum: number;
  /** Typed Integer on the page, a string in the example (docs/isales/api-notes.md §1.1). */
  errMsg: string;
  id: string;
  /** ISO-8601 with milliseconds and `+00:00`. */
  beginTime: string;
  /** Same format; "" while the task is preparing or importing. */
  endTime: string;
  repeatNum: number;
  /** "0" preparing, "1" importing, "2" completed, "3" failed. */
  status: string;
}

export interface FileServer {
  port: string | null;
  ip: string | null;
  filePath: string | null;
  userName: string | null;
  serverId: string;
}

export interface BusinessResultChild {
  code: string;
  name: string;
  defLevel: '2';
}

export interface BusinessResult {
  code: string;
  children: BusinessResultChild[];
  name: string;
  defLevel: '1';
}

/** A reservation, with the campaign (task) it is in: the example puts taskId, taskName, taskStatus after calledNo. */
export interface Appointment extends Campaign {
  appointId: string;
  callType: string;
  /** Epoch milliseconds. */
  appointTime: number;
  calledNo: string;
  timeout: boolean;
  userAccount: string;
  userName: string;
  /** Null until a call was made for the reservation (reservations created through appoint/create). */
  beginTime: number | null;
  endTime: number | null;
  callFlag: string;
  callerNo: string | null;
  failCode: string | null;
  result: string | null;
  /** The business result's names, "parent > child" (docs/isales/operations.md#appointList), not its codes. */
  busiResult: string | null;
  createTime: number;
}

/** An outbound campaign (task) appoint/create may reserve calls in. */
export interface Campaign {
  taskId: string;
  taskName: string;
  taskStatus: string;
}

/** A time as callresultdetail writes it: "yyyy-MM-dd HH:mm:ss" on the tenant's wall clock, without a zone ("" when there is none). */
type ZonelessTime = string;

/** callresultdetail's `data` (docs/isales/call-results-choices.md §2): callStatus an int or, as in the page example, a string. */
export interface CallResult {
  callId: string;
  called: string;
  callEndTime: ZonelessTime;
  vdnId: number;
  callStatus: number | string;
  failCode: string;
  resultCode: string;
  callBeginTime: ZonelessTime;
  recordPath: string;
  ackBeginTime: ZonelessTime;
}

/** One outbound call data record of a campaign, whose business result callBusiResult writes (§3). */
export interface CallDataRecord {
  dataId: number;
  campaignId: string;
  called: string;
  busiResult: string | null;
  subStatus: string | null;
  busiResultDesc: string | null;
  workNo: string | null;
}

/** calldatafile/queryDataImportTask's task: the blacklist import task plus blackNum (§4). */
export interface CallDataImportTask extends DataImportTask {
  blackNum: number;
}

/**
 * Everything one VDN serves. The lists are this simulator instance's own copies: the write
 * operations change them, so a created record shows up in the next read.
 */
export interface VdnDataset {
  importTasks: DataImportTask[];
  servers: FileServer[];
  businessResults: BusinessResult[];
  appointments: Appointment[];
  campaigns: Campaign[];
  // Call results, call data and the campaigns' call-data import tasks (docs/isales/call-results-choices.md).
  callResults: CallResult[];
  callData: CallDataRecord[];
  /** By campaign id; a campaign of `campaigns` without an entry has no import task. */
  callDataImportTasks: Map<string, CallDataImportTask[]>;
  // Campaigns and the do-not-call list.
  /** The campaigns the campaign pages list, pause and resume (docs/isales/next-api-notes.md section 3). */
  outboundCampaigns: OutboundCampaign[];
  /** The VDN's do-not-call list (docs/isales/next-api-notes.md section 1). */
  blocklist: BlockedNumber[];
}

/** What a campaign is doing; the pages' `status` says it with one int for two of them (see statusOf in handlers/campaign-status.ts). */
export type CampaignState = 'running' | 'paused' | 'completed' | 'expired' | 'not-started';

/**
 * A campaign as the detail page's returnObject shows it (docs/isales/next-api-notes.md section 3), plus the
 * simulator's own `state`, which is never served.
 */
export interface OutboundCampaign {
  state: CampaignState;
  /** The status served when the state does not say it (the list example's undocumented 1). */
  rawStatus?: number;
  id: number;
  name: string;
  description: string;
  /** `yyyy-MM-dd HH:mm:ss`, UTC. */
  strBeginTime: string;
  strEndTime: string;
  deviceType: number;
  callerNo: string;
  maxAlertingTime: number;
  scheduleParam: Record<string, unknown>;
  ivrParam: Record<string, unknown> | null;
  skillParam: Record<string, unknown> | null;
  callBackUrl: string;
}

/** One number of the do-not-call list. */
export interface BlockedNumber {
  blockNum: string;
  /** `yyyy-MM-dd HH:mm:ss`, UTC; "" when it never expires. */
  validityExpirationTime: string;
}
