import { createHash } from 'node:crypto';

/** What a cached document is: its states, its policy, its meta record and its ETag (src/cache/document-cache.ts reads them). */
export type CacheState = 'hit' | 'miss' | 'stale';

export interface DocumentCachePolicy {
  freshMs: number;
  staleMs: number;
  /** How long a replica holding a stale copy waits for another one's fetch before serving it. */
  waitMs: number;
  /**
   * How long a full fetch may take (every page, each within its deadline): a replica with nothing
   * to serve waits that long for the holder of the lock before fetching itself.
   */
  fetchMs: number;
  /**
   * The lock's lease. Its holder renews it every third of it for as long as its fetch runs, so the
   * lock outlives any fetch, while a crashed holder frees it within one lease.
   */
  lockMs: number;
  /** Poll interval while waiting. */
  pollMs: number;
  /**
   * How long a hit is answered from memory after the store last confirmed it (0: never). Any
   * replica's drop reaches every memory at once; this bounds what a lost message could cost.
   */
  l1Ms: number;
  /**
   * The largest document (bytes) stored or kept in memory: a larger one answers the read that
   * loaded it and is then let go, so the next read loads it again.
   */
  maxBytes: number;
}

/** Told of each document too large to keep (the caller's metric and log line). */
export type OversizeListener = (key: string, bytes: number) => void;

export interface CacheRead<T> {
  value: T;
  etag: string;
  state: CacheState;
  /** Seconds the value stays fresh (0 when stale). */
  freshForS: number;
}

export interface Meta {
  etag: string;
  fetchedAt: number;
  freshUntil: number;
  staleUntil: number;
}

export interface Memo<T> {
  etag: string;
  value: T;
  /** Set while the value is the store's fresh entry, as confirmed at `confirmedAt`. */
  confirmed?: { meta: Meta; at: number };
}

export function parseMeta(text: string | null): Meta | null {
  if (!text) return null;
  try {
    const meta = JSON.parse(text) as Meta;
    return typeof meta.etag === 'string' && typeof meta.freshUntil === 'number' ? meta : null;
  } catch {
    return null;
  }
}

/** A strong validator of the exact document bytes: the same tree always has the same ETag. */
export function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}
