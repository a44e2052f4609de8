import { request, type IncomingMessage } from 'node:http';
import { eventually } from './eventually';

/** One Server-Sent Event as a browser's EventSource would see it. */
export interface SseEvent {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

/**
 * A raw `text/event-stream` reader, as a browser's EventSource parses the stream (the spec's
 * field rules for `id`, `event`, `data` and comment lines), over a plain HTTP request, so a test
 * can pause it (a slow reader), cut it and reconnect with `Last-Event-ID`.
 */
export class SseReader {
  readonly events: SseEvent[] = [];
  comments = 0;
  status = 0;
  headers: IncomingMessage['headers'] = {};
  /** The non-stream answer (a problem), when the request was refused. */
  body = '';
  ended = false;
  private buffer = '';
  private response: IncomingMessage | null = null;
  private readonly done: Promise<void>;

  constructor(url: string, headers: Record<string, string>) {
    this.done = new Promise<void>((resolve) => {
      const req = request(url, { agent: false, headers: { accept: 'text/event-stream', ...headers } }, (response) => {
        this.response = response;
        this.status = response.statusCode ?? 0;
        this.headers = response.headers;
        response.setEncoding('utf8');
        const streaming = String(response.headers['content-type'] ?? '').startsWith('text/event-stream');
        response.on('data', (chunk: string) => (streaming ? this.feed(chunk) : (this.body += chunk)));
        response.on('end', () => {
          this.ended = true;
          resolve();
        });
        response.on('close', () => {
          this.ended = true;
          resolve();
        });
      });
      req.on('error', () => {
        this.ended = true;
        resolve();
      });
      req.end();
    });
  }

  /** Resolves once the status line is in (or the request failed). */
  async opened(): Promise<void> {
    await waitFor(() => this.status !== 0 || this.ended);
  }

  get lastEventId(): string | undefined {
    for (let i = this.events.length - 1; i >= 0; i--) if (this.events[i].id !== undefined) return this.events[i].id;
    return undefined;
  }

  pause(): void {
    this.response?.pause();
  }

  resume(): void {
    this.response?.resume();
  }

  close(): void {
    this.response?.destroy();
  }

  finished(): Promise<void> {
    return this.done;
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event: SseEvent = { id: undefined, event: undefined, data: '' };
      let data: string[] | null = null;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments += 1;
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') event.id = value;
        else if (field === 'event') event.event = value;
        else if (field === 'data') (data ??= []).push(value);
      }
      if (data !== null) this.events.push({ ...event, data: data.join('\n') });
    }
  }
}

/** Waits until `condition` holds (through eventually(), the one poll); fails after `timeoutMs`. */
export function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 20000, what = 'condition'): Promise<void> {
  return eventually(what, condition, timeoutMs, 20);
}
