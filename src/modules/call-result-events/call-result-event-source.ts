import { Readable } from 'node:stream';
import type { CallResultTail, StoredCallResult } from './call-result-store';

/** What the source's own buffer may hold before it stops reading the store (one batch may overshoot it). */
const BUFFER_BYTES = 16 * 1024;

export interface EventSourceOptions {
  /** Entries read from the store at a time: with BUFFER_BYTES, what one stream can hold in memory. */
  batch: number;
  /** How long one read waits for new entries; an empty wait sends a heartbeat comment. */
  heartbeatMs: number;
  /** Only this campaign's results (entries of others are skipped, their ids still passed). */
  campaignId: string | null;
  /** EventSource's reconnection delay, sent first. */
  retryMs: number;
}

/** One entry as a Server-Sent Event: its stream id as `id`, so EventSource resumes with Last-Event-ID. */
export function eventFrame(entry: StoredCallResult): string {
  return `id: ${entry.id}\nevent: call-result\ndata: ${JSON.stringify(entry.record)}\n\n`;
}

/**
 * A `text/event-stream` body that reads the store only when its reader wants more: Fastify pipes it
 * to the socket, which stops asking (`_read`) while its write buffer is full, so a slow reader
 * leaves entries in Redis rather than in the gateway's memory. At most one batch and BUFFER_BYTES
 * are held per stream. `endStream()` finishes it cleanly (shutdown); a failed read ends it too, and
 * EventSource reconnects with the last id it got.
 */
export class CallResultEventSource extends Readable {
  private lastId: string;
  private reading = false;
  private ended = false;

  constructor(
    private readonly tail: CallResultTail,
    afterId: string,
    private readonly options: EventSourceOptions,
  ) {
    super({ highWaterMark: BUFFER_BYTES });
    this.lastId = afterId;
    // Sent at once, so the client sees the stream open (headers and a first line) before any event.
    this.push(`retry: ${options.retryMs}\n: open\n\n`);
  }

  override _read(): void {
    if (!this.reading && !this.ended) void this.pump();
  }

  private async pump(): Promise<void> {
    this.reading = true;
    try {
      for (;;) {
        const entries = await this.tail.read(this.lastId, this.options.batch, this.options.heartbeatMs);
        if (this.ended) return;
        let wantsMore = true;
        for (const entry of entries) {
          this.lastId = entry.id;
          if (this.options.campaignId === null || entry.record.campaignId === this.options.campaignId) wantsMore = this.push(eventFrame(entry));
        }
        if (entries.length === 0) wantsMore = this.push(':\n\n');
        if (!wantsMore) return;
      }
    } catch {
      this.endStream();
    } finally {
      this.reading = false;
    }
  }

  /** Ends the stream after what it already holds (shutdown, or the store failed). */
  endStream(): void {
    if (this.ended) return;
    this.ended = true;
    this.tail.close();
    this.push(null);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.ended = true;
    this.tail.close();
    callback(error);
  }
}
