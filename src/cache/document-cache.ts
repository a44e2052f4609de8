import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayError } from '../common/errors/gateway-error';
import { CacheOperationUnavailableError, CacheStore, CacheUnavailableError } from './cache-store';

import { CacheRead, CacheState, DocumentCachePolicy, etagOf, Memo, Meta, OversizeListener, parseMeta } from './cached-document';
import { InvalidationEcho } from './invalidation-echo';

export type { CacheRead, CacheState, DocumentCachePolicy, OversizeListener } from './cached-document';
export { etagOf } from './cached-document';

/**
 * A serialised document per key in a shared store, fresh for a while and then kept as stale for
 * stale-if-error. Misses are coalesced: within this process through one in-flight promise per key,
 * across replicas through a short lock in the store, while the others poll for the result.
 * Decoded values are memoised per ETag, so a hit costs one small store read and no JSON work, and
 * within `l1Ms` of the store's last confirmation not even that (the L1). Drops reach every
 * replica's memory through the store's invalidation messages. The store being unavailable never
 * fails a read: the loader is called instead.
 */
export class DocumentCache<T> {
  private readonly inflight = new Map<string, Promise<CacheRead<T>>>();
  private readonly memo = new Map<string, Memo<T>>();
  /** Counts invalidations heard: a store answer read before one must not be confirmed after it. */
  private generation = 0;
  private readonly echo = new InvalidationEcho();

  constructor(
    private readonly store: CacheStore,
    private readonly policy: DocumentCachePolicy,
    private readonly decode: (text: string) => T,
    // Read through the global at each call (not a captured Date.now), so a test that fakes the clock moves it.
    private readonly now: () => number = () => Date.now(),
    private readonly onOversize: OversizeListener = () => undefined,
  ) {
    store.onInvalidation((key) => {
      this.forget(key);
      this.echo.heard();
    });
  }

  async read(key: string, load: () => Promise<string>): Promise<CacheRead<T>> {
    const l1 = this.fromMemory(key);
    if (l1) return l1;
    const generation = this.generation;
    let meta: Meta | null;
    try {
      [meta] = (await this.store.hmget(key, ['meta'])).map(parseMeta);
    } catch (error) {
      if (!(error instanceof CacheUnavailableError)) throw error;
      return this.coalesce(key, () => this.loadWithoutStore(key, load));
    }
    if (meta && this.now() < meta.freshUntil) {
      const value = await this.materialize(key, meta);
      if (value !== undefined) {
        this.confirm(key, meta, generation);
        return this.result(value, meta, 'hit');
      }
    }
    return this.coalesce(key, () => this.refresh(key, meta, load));
  }

  /** The L1's hit, at once (no promise), or undefined: then `read`, which looks in memory first too. */
  readFromMemory(key: string): CacheRead<T> | undefined {
    return this.fromMemory(key);
  }

  /**
   * Drops the entry on every replica: from the shared store and, through an invalidation message,
   * from each replica's memory. Fails (503) rather than pretend when the store cannot be reached.
   */
  async drop(key: string): Promise<void> {
    this.forget(key);
    try {
      await this.store.del(key);
      const echo = this.store.hearsInvalidations() ? this.echo.next() : undefined;
      await this.store.publishInvalidation(key);
      await echo;
    } catch (error) {
      if (error instanceof CacheUnavailableError) throw new CacheOperationUnavailableError();
      throw error;
    }
  }

  /** A hit from memory: the store confirmed this fresh entry less than `l1Ms` ago, and drops are heard. */
  private fromMemory(key: string): CacheRead<T> | undefined {
    const memo = this.memo.get(key);
    if (!memo?.confirmed || !this.store.hearsInvalidations()) return undefined;
    const now = this.now();
    const { meta, at } = memo.confirmed;
    if (now - at >= this.policy.l1Ms || now >= meta.freshUntil) return undefined;
    return this.result(memo.value, meta, 'hit');
  }

  /** Marks the memo of `key` as the store's fresh entry, unless an invalidation came in since `generation`. */
  private confirm(key: string, meta: Meta, generation: number): void {
    const memo = this.memo.get(key);
    if (this.policy.l1Ms > 0 && memo?.etag === meta.etag && generation === this.generation) memo.confirmed = { meta, at: this.now() };
  }

  /** An invalidation (of `key`, or of everything when null) from any replica, this one included. */
  private forget(key: string | null): void {
    this.generation++;
    if (key === null) this.memo.clear();
    else this.memo.delete(key);
  }

  private coalesce(key: string, fetch: () => Promise<CacheRead<T>>): Promise<CacheRead<T>> {
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = fetch().finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private result(value: T, meta: Meta, state: CacheState): CacheRead<T> {
    const freshForS = state === 'stale' ? 0 : Math.max(0, Math.floor((meta.freshUntil - this.now()) / 1000));
    return { value, etag: meta.etag, state, freshForS };
  }

  /** The decoded value for `meta`, from the memo when the ETag matches; undefined when it expired meanwhile. */
  private async materialize(key: string, meta: Meta): Promise<T | undefined> {
    const memo = this.memo.get(key);
    if (memo?.etag === meta.etag) return memo.value;
    const [text] = await this.store.hmget(key, ['tree']);
    if (text === null || etagOf(text) !== meta.etag) return undefined;
    return this.remember(key, meta.etag, text);
  }

  private remember(key: string, etag: string, text: string): T {
    const value = this.decode(text);
    this.memo.set(key, { etag, value });
    return value;
  }

  private async refresh(key: string, stale: Meta | null, load: () => Promise<string>): Promise<CacheRead<T>> {
    const lockKey = `${key}:lock`;
    const token = randomUUID();
    const usableStale = stale !== null && this.now() < stale.staleUntil;
    const deadline = this.now() + (usableStale ? this.policy.waitMs : this.policy.fetchMs);
    let locked = false;
    try {
      for (;;) {
        locked = await this.store.tryLock(lockKey, token, this.policy.lockMs);
        // Holder or not, look again first: the lock may be free because its holder just stored the tree.
        const stored = await this.storedSince(key, stale);
        if (stored) return stored;
        if (locked || this.now() >= deadline) break;
        await sleep(this.policy.pollMs);
      }
      if (!locked && stale && usableStale) {
        // Another replica is still fetching: the stale tree beats a second upstream fetch.
        const value = await this.materialize(key, stale);
        if (value !== undefined) return this.result(value, stale, 'stale');
      }
      if (!locked) return await this.fetchAndStore(key, stale, load);
      return await this.holding(lockKey, token, () => this.fetchAndStore(key, stale, load));
    } catch (error) {
      if (error instanceof CacheUnavailableError) return await this.loadWithoutStore(key, load);
      throw error;
    } finally {
      if (locked) await this.store.unlock(lockKey, token).catch(() => undefined);
    }
  }

  /** A fresh entry someone stored after `seen` was read (so not the one found unusable then). */
  private async storedSince(key: string, seen: Meta | null): Promise<CacheRead<T> | undefined> {
    const [current] = (await this.store.hmget(key, ['meta'])).map(parseMeta);
    if (!current || this.now() >= current.freshUntil || current.fetchedAt === seen?.fetchedAt) return undefined;
    const value = await this.materialize(key, current);
    return value === undefined ? undefined : this.result(value, current, 'miss');
  }

  /** Runs `work` while renewing the lock's lease, so the lock lives exactly as long as the work. */
  private async holding<R>(lockKey: string, token: string, work: () => Promise<R>): Promise<R> {
    const renew = setInterval(
      () => {
        this.store.extendLock(lockKey, token, this.policy.lockMs).catch(() => undefined);
      },
      Math.max(1, Math.floor(this.policy.lockMs / 3)),
    );
    renew.unref();
    try {
      return await work();
    } finally {
      clearInterval(renew);
    }
  }

  private async fetchAndStore(key: string, stale: Meta | null, load: () => Promise<string>): Promise<CacheRead<T>> {
    const generation = this.generation;
    let text: string;
    try {
      text = await load();
    } catch (error) {
      // Stale-if-error covers upstream failures (errors that carry an upstream meaning) and the unexpected;
      // the gateway's own answers (a VDN it no longer serves) are not hidden behind a stale tree.
      if (stale && this.now() < stale.staleUntil && (!(error instanceof GatewayError) || error.upstreamMeaning !== undefined)) {
        const value = await this.materialize(key, stale);
        if (value !== undefined) return this.result(value, stale, 'stale');
      }
      throw error;
    }
    if (this.oversize(key, text)) return this.uncached(text);
    const fetchedAt = this.now();
    const meta: Meta = {
      etag: etagOf(text),
      fetchedAt,
      freshUntil: fetchedAt + this.policy.freshMs,
      staleUntil: fetchedAt + this.policy.freshMs + this.policy.staleMs,
    };
    const value = this.remember(key, meta.etag, text);
    try {
      await this.store.hset(key, { meta: JSON.stringify(meta), tree: text }, this.policy.freshMs + this.policy.staleMs);
      this.confirm(key, meta, generation);
    } catch (error) {
      // The answer is in hand: a failed write must not cost a second upstream fetch.
      if (!(error instanceof CacheUnavailableError)) throw error;
    }
    return this.result(value, meta, 'miss');
  }

  /** Redis is down: iSales answers, nothing is stored, and the memo is not trusted for freshness. */
  private async loadWithoutStore(key: string, load: () => Promise<string>): Promise<CacheRead<T>> {
    const text = await load();
    if (this.oversize(key, text)) return this.uncached(text);
    const etag = etagOf(text);
    const memo = this.memo.get(key);
    const value = memo?.etag === etag ? memo.value : this.remember(key, etag, text);
    return { value, etag, state: 'miss', freshForS: 0 };
  }

  private oversize(key: string, text: string): boolean {
    // UTF-16 length is at most the UTF-8 byte length: the exact count is only taken near the bound.
    if (text.length * 3 <= this.policy.maxBytes) return false;
    const bytes = Buffer.byteLength(text);
    if (bytes <= this.policy.maxBytes) return false;
    this.onOversize(key, bytes);
    return true;
  }

  /** Answers this read only: nothing stored, nothing memoised, not fresh for a moment. */
  private uncached(text: string): CacheRead<T> {
    return { value: this.decode(text), etag: etagOf(text), state: 'miss', freshForS: 0 };
  }
}
