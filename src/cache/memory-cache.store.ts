import { CacheStore } from './cache-store';

interface Entry {
  fields: Record<string, string>;
  expiresAt: number;
}

/** The in-process store used when REDIS_URL is unset: same behaviour, one process only. */
export class MemoryCacheStore extends CacheStore {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, Entry>();
  private readonly listeners: Array<(key: string | null) => void> = [];

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async hmget(key: string, fields: readonly string[]): Promise<Array<string | null>> {
    const entry = this.live(key);
    return fields.map((field) => entry?.fields[field] ?? null);
  }

  async hset(key: string, fields: Readonly<Record<string, string>>, ttlMs: number): Promise<void> {
    this.entries.set(key, { fields: { ...fields }, expiresAt: this.now() + ttlMs });
  }

  async del(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async tryLock(key: string, token: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.entries.set(key, { fields: { token }, expiresAt: this.now() + ttlMs });
    return true;
  }

  async extendLock(key: string, token: string, ttlMs: number): Promise<boolean> {
    const lock = this.live(key);
    if (lock?.fields.token !== token) return false;
    lock.expiresAt = this.now() + ttlMs;
    return true;
  }

  async unlock(key: string, token: string): Promise<void> {
    if (this.live(key)?.fields.token === token) this.entries.delete(key);
  }

  /** One process: the listeners here are every listener there is. */
  async publishInvalidation(key: string): Promise<void> {
    for (const listener of this.listeners) listener(key);
  }
  onInvalidation(listener: (key: string | null) => void): void {
    this.listeners.push(listener);
  }
  hearsInvalidations(): boolean {
    return true;
  }
  async ping(): Promise<boolean> {
    return true;
  }
}
