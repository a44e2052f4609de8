import { ProblemKindError } from '../common/errors/gateway-error';

/**
 * What the business-result cache needs from a shared store: a hash per key (small `meta` beside
 * the large `tree`, so a hit reads only what it needs), expiry, and a short lock for coalescing
 * fetches across replicas. Implementations never throw for an unavailable backend: they reject
 * with CacheUnavailableError quickly, and callers fall through to iSales.
 */
export abstract class CacheStore {
  /** Values of `fields` in the hash at `key` (null for each that is missing). */
  abstract hmget(key: string, fields: readonly string[]): Promise<Array<string | null>>;
  /** Replaces the hash at `key` with `fields`, expiring in `ttlMs`. */
  abstract hset(key: string, fields: Readonly<Record<string, string>>, ttlMs: number): Promise<void>;
  abstract del(key: string): Promise<void>;
  /** Takes `key` as a lock for `ttlMs` unless someone holds it; true when taken. */
  abstract tryLock(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Extends the lock to `ttlMs` from now, only while `token` still holds it; true when extended. */
  abstract extendLock(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock only if `token` still holds it. */
  abstract unlock(key: string, token: string): Promise<void>;
  /**
   * Tells every replica, this one included, that `key` changed, so each drops what it keeps of it
   * in memory; resolves once the store accepted the message.
   */
  abstract publishInvalidation(key: string): Promise<void>;
  /**
   * Calls `listener` with each key any replica invalidates, and with `null` when invalidations may
   * have been missed (the subscription was lost and is back): then everything kept must go.
   */
  abstract onInvalidation(listener: (key: string | null) => void): void;
  /** Whether invalidations reach this replica right now; memory may only be trusted while they do. */
  abstract hearsInvalidations(): boolean;
  /** For health reporting: whether the store answers right now. */
  abstract ping(): Promise<boolean>;
  /** Human-readable backend name for health and logs. */
  abstract readonly kind: 'redis' | 'memory';
}

export class CacheUnavailableError extends Error {
  constructor(reason: string) {
    super(`cache unavailable: ${reason}`);
    this.name = 'CacheUnavailableError';
  }
}

/** What a caller sees when an operation needs the cache itself (dropping it) and Redis is down. */
export class CacheOperationUnavailableError extends ProblemKindError {
  constructor() {
    super(
      { slug: 'cache-unavailable', title: 'The shared cache is unavailable', status: 503, retryAfterS: 5 },
      'Redis does not answer, so the cached tree could not be dropped; try again shortly.',
    );
  }
}
