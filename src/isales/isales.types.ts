/**
 * iSales payloads as they come over the wire (seed pages and api-notes.md section 1). Every field
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
