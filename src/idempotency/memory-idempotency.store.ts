import { IdempotencyStore } from './idempotency-store';

/** Without Redis (REDIS_URL unset): the same rules inside one process. */
export class MemoryIdempotencyStore extends IdempotencyStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  private live(key: string): string | null {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) this.entries.delete(key);
    return this.entries.get(key)?.value ?? null;
  }

  protected async claim(key: string, value: string, ttlMs: number): Promise<string | null> {
    const current = this.live(key);
    if (current !== null) return current;
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    return null;
  }

  protected async swap(key: string, expected: string, next: string, ttlMs: number): Promise<void> {
    if (this.live(key) === expected) this.entries.set(key, { value: next, expiresAt: this.now() + ttlMs });
  }

  protected async remove(key: string, expected: string): Promise<void> {
    if (this.live(key) === expected) this.entries.delete(key);
  }
}
