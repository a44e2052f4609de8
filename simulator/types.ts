/** Public types of the simulator; re-exported by simulator.ts, which is what callers import. */
import type { PublicCredential, SimulatorCredential } from './keyring';
import type { CallbackPusher, CallbackSettings } from './callbacks';

import { ISALES_OPERATIONS, type IsalesOperation } from '../src/upstream/operations.catalogue';

/** The operations the simulator answers: the gateway's catalogue (src/upstream/operations.catalogue.ts). */
export const OPERATION_NAMES: readonly IsalesOperation[] = ISALES_OPERATIONS;

export type OperationName = IsalesOperation;

export type FaultTarget = OperationName | '*';

export interface Fault {
  /** Delay before answering (applied first; the other knobs still apply afterwards). */
  latencyMs?: number;
  /** Answer with this HTTP status (e.g. 500, 503, 429 with the Chinese flow-control text, 401). */
  httpStatus?: number;
  /** HTTP 200 with this business code (envelope only). */
  resultCode?: string;
  resultDesc?: string;
  /** Never answer (until the client gives up or the simulator closes). */
  hang?: boolean;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** HTTP 200 with a body that is not JSON. */
  malformed?: boolean;
  /** Apply to the next N matching requests only, then clear; absent = until cleared. */
  times?: number;
  /** Only requests for this VDN (one tenant's outage or slowness); absent = every VDN. */
  vdnId?: number;
}

export interface SimulatorOptions {
  /** The one accepted pair, holding every VDN (default simulator-ak / simulator-sk-change-me). */
  ak?: string;
  sk?: string;
  /** Several pairs, each with the VDNs it holds; replaces ak/sk (giving both is an error). */
  credentials?: SimulatorCredential[];
  /** Accepted distance between the signed timestamp and now(), in seconds (default 900). */
  clockSkewSeconds?: number;
  /** Rows per resource for generated VDNs (default 250). */
  generatedSize?: number;
  /** Parents in a generated VDN's business-result tree (default 120). */
  businessResultParents?: number;
  /** Valid VDNs that hold no data (default [9999]). */
  emptyVdns?: number[];
  /** Longest accepted id list (importTaskIds, serverIds, userAccountList); default 100. */
  maxIds?: number;
  /** docs/isales/api-notes.md §5.2: omit returnCode/returnDesc from every envelope. */
  dropReturnCode?: boolean;
  /** docs/isales/api-notes.md §5.2: omit `count` from queryDataImportTask and queryServer (their doc examples have none). */
  dropCount?: boolean;
  /**
   * Where appoint/create puts the new id: `appointId` as its response table says (default), or `id`
   * as its response example shows (docs/isales/write-api-notes.md §5).
   */
  appointCreateIdField?: 'appointId' | 'id';
  faults?: Partial<Record<FaultTarget, Fault>>;
  /** The result callback's retry rule (default: 2 pushes, 10 minutes apart, 10 s timeout). */
  callbacks?: Partial<CallbackSettings>;
  /** Clock used for the signature window and the request log. */
  now?: () => Date;
  /** Called once per logged request when its outcome is known (used by main.ts to print a line). */
  onRequest?: (entry: SimulatorRequestLog) => void;
}

export interface SimulatorRequestLog {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: string;
  operation: OperationName | null;
  vdnId: number | null;
  /** The AK named by the Authorization header (null when there is none or it is not auth-v2). */
  ak: string | null;
  authorized: boolean;
  /** Why C2 verification failed (null when it passed). */
  authError: string | null;
  /** HTTP status sent; 0 while nothing was sent (hang) or when the socket was dropped. */
  status: number;
  resultCode: string | null;
  /** Request headers as received, with the authorization value replaced by '[redacted]'. */
  headers: Record<string, string>;
}

export interface Simulator {
  /** Resolves the bound port (0 = ephemeral); host defaults to 127.0.0.1. */
  listen(port?: number, host?: string): Promise<number>;
  /** Stops listening and destroys every open socket, hanging ones included. */
  close(): Promise<void>;
  readonly url: string;
  readonly requests: readonly SimulatorRequestLog[];
  clearRequests(): void;
  setFault(operation: FaultTarget, fault: Fault | null): void;
  clearFaults(): void;
  /** Replaces every accepted pair at once (e.g. a rotated SK); throws on a bad list and keeps the old one. */
  setCredentials(pairs: SimulatorCredential[]): void;
  /** The accepted pairs without their SKs. */
  readonly credentials: PublicCredential[];
  /** The result callback: campaigns' callback URLs, pushes with iSales' retry rule, the push log. */
  readonly callbacks: CallbackPusher;
}
