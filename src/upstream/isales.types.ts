/**
 * iSales payloads as they come over the wire (docs/isales/operations.md and docs/isales/api-notes.md section 1). Every field
 * is optional and nullable on purpose: the examples leave fields out and send nulls, and the
 * mappers decide what a missing value means.
 */
type Wire<T> = { [K in keyof T]?: T[K] | null };

export interface IsalesEnvelope {
  resultCode?: string;
  resultDesc?: string;
  returnCode?: string;
  returnDesc?: string;
}

export type IsalesImportTask = Wire<{
  id: string;
  beginTime: string;
  endTime: string;
  status: string;
  succNum: number;
  repeatNum: number;
  failNum: number;
  /** Typed Integer on the en page, "" in the example. */
  errMsg: string | number;
}>;

export type IsalesFileServer = Wire<{
  serverId: string;
  ip: string;
  port: string;
  filePath: string;
  userName: string;
}>;

export type IsalesBusinessResultChild = Wire<{ code: string; name: string; defLevel: string }>;
export type IsalesBusinessResult = Wire<{ code: string; name: string; defLevel: string; children: IsalesBusinessResultChild[] }>;

export type IsalesAppointment = Wire<{
  appointId: string;
  callType: string;
  appointTime: number;
  calledNo: string;
  callerNo: string;
  taskId: string;
  taskName: string;
  taskStatus: string;
  timeout: boolean;
  userAccount: string;
  userName: string;
  beginTime: number;
  endTime: number;
  callFlag: string;
  failCode: string;
  result: string;
  busiResult: string;
  createTime: number;
}>;

/** One page of a list, with the upstream's total when it sent one (the examples often do not). */
export interface IsalesPage<T> {
  items: T[];
  total: number | null;
}

export interface OffsetQuery {
  offset: number;
  limit: number;
}

export interface ImportTaskQuery extends OffsetQuery {
  importTaskIds?: string[];
}

export interface FileServerQuery extends OffsetQuery {
  serverIds?: string[];
}

export interface BusinessResultQuery {
  pageNum: number;
  pageSize: number;
}

export interface AppointmentQuery extends OffsetQuery {
  taskId?: string;
  calledNo?: string;
  userAccountList?: string[];
  /** Epoch milliseconds. */
  beginTime?: number;
  endTime?: number;
}

// The writes' bodies and answers (docs/isales/write-api-notes.md). Bodies are what the gateway sends, so
// they are exact; answers are Wire like every other payload.

/** file/addServer and file/{serverId}/updateServer (sections 1-2); serverPwd is optional on update only. */
export interface IsalesServerInput {
  userName: string;
  serverInfo: { ip: string; /** A String on the page, e.g. "22". */ port: string; filePath: string };
  serverPwd?: string;
}

/** addServer's serverId is a top-level field of the envelope, not inside returnObject (section 1). */
export type IsalesAddServerAnswer = Wire<{ serverId: string }>;

/** appoint/create (section 5); userAccount outside the OP deployment, workNo inside it. */
export interface IsalesAppointmentInput {
  /** 1 manual, 2 automatic: an int in the table (the page's example sends a string). */
  callType: 1 | 2;
  calledNo: string;
  userAccount: string;
  taskId: string;
  /** Epoch milliseconds. */
  appointTime: number;
  /** JSON text, at most 1024 characters; automatic reservations only. */
  callData?: string;
  remark?: string;
}

/** The table says returnObject.appointId, the example returnObject.id: both are read (section 5). */
export type IsalesAppointmentCreated = Wire<{ returnObject: Wire<{ appointId: string; id: string }> }>;

/** appoint/update (section 6). */
export interface IsalesAppointmentChange {
  appointId: string;
  userAccount?: string;
  appointTime?: number;
  remark?: string;
}

/** appoint/updateResult (section 7); times are epoch milliseconds. */
export interface IsalesAppointmentResult {
  appointId: string;
  callerNo?: string;
  failCode?: string;
  callId?: string;
  busiResult?: string;
  busiSubStatus?: string;
  beginTime?: number;
  endTime?: number;
}

/** addBusinessResult (section 9). */
export interface IsalesBusinessResultDefinition {
  name: string;
  code?: string;
  description?: string;
  children?: Array<{ name: string; code?: string; description?: string }>;
}

// Call results, call data and their import tasks (docs/isales/call-results-choices.md).

/** callresultdetail's `data` (§1-§2): times are the tenant's wall clock without a zone; callStatus an int or a string. */
export type IsalesCallResult = Wire<{
  callId: string;
  called: string;
  callEndTime: string;
  vdnId: number | string;
  callStatus: number | string;
  failCode: string;
  /** The display-result code, e.g. "OB99999". */
  resultCode: string;
  callBeginTime: string;
  /** OBS URL of the recording; empty outside SaaS deployments. */
  recordPath: string;
  ackBeginTime: string;
}>;

/** callBusiResult/{dataId}'s body (§3): exact, since the gateway sends it. */
export interface IsalesBusinessResultWriteBack {
  busiResult: string;
  subStatus?: string;
  busiResultDesc?: string;
  workNo?: string;
}

/** calldatafile/queryDataImportTask/{campaignId}'s task: the blacklist import task plus blackNum (§4). */
export type IsalesCallDataImportTask = IsalesImportTask & Wire<{ blackNum: number }>;

// Campaigns and do-not-call numbers (docs/isales/next-api-notes.md sections 1 and 3).

/** One campaign of the list (its table was not retrieved: the fields of the example) or the detail's returnObject. */
export type IsalesCampaign = Wire<{
  /** An int in the examples. */
  id: number | string;
  name: string;
  description: string;
  /** An int: 2 started (running), 3 paused, 4 completed (list) or expired (detail); the list's example has 1. */
  status: number | string;
  /** `yyyy-MM-dd HH:mm:ss`, UTC (the create page). */
  strBeginTime: string;
  strEndTime: string;
  /** 1 intelligent IVR, 2 predictive, 3 automatic IVR, 5 preview, 6 preemptive. */
  deviceType: number | string;
  callerNo: string;
  maxAlertingTime: number | string;
  scheduleParam: unknown;
  ivrParam: unknown;
  skillParam: unknown;
  callBackUrl: string;
}>;

/** The list's query string: every documented parameter but ccId (OP only). */
export interface CampaignQuery {
  name?: string;
  /** 0 all, 2 started, 3 paused, 4 completed. */
  status: 0 | 2 | 3 | 4;
  /** 0 all, else one of the device types. */
  deviceType: number;
  /** `yyyy-MM-dd HH:mm:ss`. */
  beginTime?: string;
  endTime?: string;
  curPage: number;
  rowsPerPage: number;
}

/** blocklist/query: exactly one of offset/limit or blocklist. */
export type BlocklistQuery = OffsetQuery | { blocklist: string[] };

/** One record of blocklist/query's `data` (typed Object on the page; a list is expected). */
export type IsalesBlockedNumber = Wire<{
  blockNum: string;
  /** `yyyy-MM-dd HH:mm:ss`, like blocklist/add's. */
  validityExpirationTime: string;
  /** Returned when `blocklist` is sent. */
  flag: boolean | string;
}>;

/**
 * blocklist/add: validityTime in hours, without validityTimeUnit (the older page knows no unit; on the newer page
 * its default is 4, hours), or validityExpirationTime (`yyyy-MM-dd HH:mm:ss`).
 */
export interface IsalesBlocklistInput {
  blocklist: string[];
  validityTime?: number;
  validityExpirationTime?: string;
}
