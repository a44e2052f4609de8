import { randomUUID } from 'node:crypto';
import { StoredAnswer } from './stored-answer';

export type IdempotencyBegin = { kind: 'started'; token: string } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'in-flight' } | { kind: 'mismatch' };

type Entry = { state: 'pending'; token: string; fingerprint: string } | { state: 'done'; fingerprint: string; answer: StoredAnswer };

/** The store could not be reached; the caller must not write without it. */
export class IdempotencyStoreUnavailableError extends Error {
  constructor(reason: string) {
    super(`idempotency store unavailable: ${reason}`);
    this.name = 'IdempotencyStoreUnavailableError';
  }
}

/**
 * Idempotency keys shared by every replica: a key is claimed atomically while its request runs
 * (pending), then holds the answer for replay (done). Entries are JSON text, so implementations
 * only need three atomic primitives on one key.
 */
export abstract class IdempotencyStore {
  /** Sets `key` to `value` for `ttlMs` unless it exists; the existing value otherwise (null when set). */
  protected abstract claim(key: string, value: string, ttlMs: number): Promise<string | null>;
  /** Replaces `key` with `next` for `ttlMs` only while it still holds `expected`. */
  protected abstract swap(key: string, expected: string, next: string, ttlMs: number): Promise<void>;
  /** Deletes `key` only while it still holds `expected`. */
  protected abstract remove(key: string, expected: string): Promise<void>;

  async begin(key: string, fingerprint: string, pendingMs: number): Promise<IdempotencyBegin> {
    const token = randomUUID();
    const current = await this.claim(key, pendingEntry(token, fingerprint), pendingMs);
    if (current === null) return { kind: 'started', token };
    const entry = JSON.parse(current) as Entry;
    if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' };
    return entry.state === 'done' ? { kind: 'replay', answer: entry.answer } : { kind: 'in-flight' };
  }

  complete(key: string, token: string, fingerprint: string, answer: StoredAnswer, ttlMs: number): Promise<void> {
    const done: Entry = { state: 'done', fingerprint, answer };
    return this.swap(key, pendingEntry(token, fingerprint), JSON.stringify(done), ttlMs);
  }

  release(key: string, token: string, fingerprint: string): Promise<void> {
    return this.remove(key, pendingEntry(token, fingerprint));
  }
}

function pendingEntry(token: string, fingerprint: string): string {
  const entry: Entry = { state: 'pending', token, fingerprint };
  return JSON.stringify(entry);
}
