import { EventEmitter } from 'node:events';
import type { CallResultEvent } from './call-result-event';
import { CallResultStore, CallResultTail, StoredCallResult } from './call-result-store';

function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am === bm ? (as === bs ? 0 : as < bs ? -1 : 1) : am < bm ? -1 : 1;
}

/**
 * Without Redis (the single-process demo): the same behaviour in this process's memory, bounded by
 * the same length and age. Replicas do not share it, and a restart loses it: production sets REDIS_*.
 */
export class MemoryCallResultStore extends CallResultStore {
  private readonly streams = new Map<number, StoredCallResult[]>();
  /** `vdn:callId` -> when the mark expires (ms). */
  private readonly seen = new Map<string, number>();
  private readonly appended = new EventEmitter();
  private lastMs = 0;
  private sequence = 0;

  constructor(
    private readonly limits: { maxLen: number; maxAgeS: number },
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.appended.setMaxListeners(0);
  }

  private nextId(): string {
    const ms = Math.max(this.now(), this.lastMs);
    this.sequence = ms === this.lastMs ? this.sequence + 1 : 0;
    this.lastMs = ms;
    return `${ms}-${this.sequence}`;
  }

  append(vdnId: number, records: readonly CallResultEvent[]) {
    const now = this.now();
    const stream = this.streams.get(vdnId) ?? [];
    this.streams.set(vdnId, stream);
    let stored = 0;
    for (const record of records) {
      const mark = `${vdnId}:${record.callId}`;
      if ((this.seen.get(mark) ?? 0) > now) continue;
      this.seen.set(mark, now + this.limits.maxAgeS * 1000);
      stream.push({ id: this.nextId(), record });
      stored += 1;
    }
    const oldest = now - this.limits.maxAgeS * 1000;
    let drop = Math.max(0, stream.length - this.limits.maxLen);
    while (drop < stream.length && Number(stream[drop].id.split('-')[0]) < oldest) drop += 1;
    if (drop > 0) stream.splice(0, drop);
    for (const [mark, expires] of this.seen) if (expires <= now) this.seen.delete(mark);
    if (stored > 0) this.appended.emit(String(vdnId));
    return Promise.resolve({ stored, duplicates: records.length - stored, length: stream.length });
  }

  page(vdnId: number, afterId: string | null, count: number): Promise<StoredCallResult[]> {
    return Promise.resolve(this.entriesAfter(vdnId, afterId, count));
  }

  private entriesAfter(vdnId: number, afterId: string | null, count: number): StoredCallResult[] {
    const stream = this.streams.get(vdnId) ?? [];
    const from = afterId === null ? 0 : stream.findIndex((entry) => compareIds(entry.id, afterId) > 0);
    return from < 0 ? [] : stream.slice(from, from + count);
  }

  lastId(vdnId: number): Promise<string> {
    const stream = this.streams.get(vdnId) ?? [];
    return Promise.resolve(stream.length > 0 ? stream[stream.length - 1].id : '0-0');
  }

  openTail(vdnId: number): Promise<CallResultTail> {
    const event = String(vdnId);
    let wake: (() => void) | null = null;
    let closed = false;
    const tail: CallResultTail = {
      // Looked at and subscribed in the same tick, so an append in between cannot be missed.
      read: (afterId, count, blockMs) => {
        const ready = this.entriesAfter(vdnId, afterId, count);
        if (ready.length > 0 || blockMs <= 0 || closed) return Promise.resolve(ready);
        return new Promise<StoredCallResult[]>((resolve) => {
          const finish = () => {
            clearTimeout(timer);
            this.appended.removeListener(event, finish);
            wake = null;
            resolve(closed ? [] : this.entriesAfter(vdnId, afterId, count));
          };
          const timer = setTimeout(finish, blockMs);
          this.appended.on(event, finish);
          wake = finish;
        });
      },
      close: () => {
        closed = true;
        wake?.();
      },
    };
    return Promise.resolve(tail);
  }
}
