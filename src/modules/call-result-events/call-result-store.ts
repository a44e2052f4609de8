import { ProblemKindError } from '../../common/errors/gateway-error';
import type { CallResultEvent } from './call-result-event';

/** One kept call result: its stream id (`<ms>-<seq>`, what `Last-Event-ID` and `since` name) and the record. */
export interface StoredCallResult {
  id: string;
  record: CallResultEvent;
}

/** A Redis Stream id, or the `-` that names the start: what `since` and `Last-Event-ID` may hold. */
export const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

/**
 * A reader of one VDN's stream for one event stream: `read` waits up to `blockMs` for entries
 * after `afterId` (an empty array when none came); `close` ends a wait at once.
 */
export interface CallResultTail {
  read(afterId: string, count: number, blockMs: number): Promise<StoredCallResult[]>;
  close(): void;
}

/**
 * Where pushed call results are kept, one bounded stream per VDN, each callId once (docs/design.md
 * section 18). Redis in production; in memory (one process, demo only) without REDIS_*.
 */
export abstract class CallResultStore {
  /** Keeps the records of one VDN that are new by callId; resolves only once they are stored. */
  abstract append(vdnId: number, records: readonly CallResultEvent[]): Promise<{ stored: number; duplicates: number; length: number }>;
  /** Up to `count` entries after `afterId` (null: from the oldest kept), oldest first. */
  abstract page(vdnId: number, afterId: string | null, count: number): Promise<StoredCallResult[]>;
  /** The id of the newest entry kept, or `0-0`: where a stream without `Last-Event-ID` starts. */
  abstract lastId(vdnId: number): Promise<string>;
  /** A reader for one event stream (a connection of its own with Redis: it blocks). */
  abstract openTail(vdnId: number): Promise<CallResultTail>;
}

/** The store did not answer (Redis down): nothing was stored, so iSales must push again. */
export class CallResultStoreUnavailableError extends ProblemKindError {
  constructor() {
    super(
      { slug: 'call-results-unavailable', title: 'The call-result store is unavailable', status: 503, retryAfterS: 5 },
      'Redis does not answer, so the call results could not be stored or read; try again shortly.',
    );
  }
}
