import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Per-request values reachable from any depth (the iSales client forwards the request id). */
export interface RequestContextStore {
  requestId: string;
  /** The iSales calls made for this request, for its log line. */
  upstream?: UpstreamCallRecord[];
}

/** One upstream call as the request log shows it: operation, outcome, iSales' code when it sent one, time. */
export interface UpstreamCallRecord {
  operation: string;
  outcome: string;
  code?: string;
  ms: number;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

export const RequestContext = {
  run<T>(store: RequestContextStore, fn: () => T): T {
    return storage.run(store, fn);
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  recordUpstream(record: UpstreamCallRecord): void {
    const store = storage.getStore();
    if (store) (store.upstream ??= []).push(record);
  },
};

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept when it is a sane token; anything else is replaced, never echoed. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}
