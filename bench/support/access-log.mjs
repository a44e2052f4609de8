// The floors' access log: one JSON line per request, the gateway's fields in the gateway's order,
// appended to a string and written to stdout in large writes (at 32 KB, or every 250 ms, as the
// gateway's destination flushes), asynchronously (in libuv's pool, one write at a time, as
// sonic-boom does), so a slow reader never stalls the event loop. The least a server that logs every
// request can do. process.stdout is never touched: fd 1 stays as the parent opened it.
import { write, writeSync } from 'node:fs';
import { hostname } from 'node:os';

const MIN_WRITE = 32 * 1024;
const FLUSH_MS = 250;
/** The longest URL a line carries, as the gateway cuts it. */
const MAX_LOGGED_URL = 512;

export class AccessLog {
  pending = '';
  /** pino's leading fields for a level, the time left out: `{"level":30,"time":`. */
  heads = { 30: '{"level":30,"time":', 40: '{"level":40,"time":' };
  bindings = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`;

  writing = false;

  constructor(fd = 1) {
    this.fd = fd;
    setInterval(() => this.flush(), FLUSH_MS).unref();
  }

  /**
   * fields: { requestId, method, url, route, client, upstream?, status, principal?, ms }; the
   * route and method are the server's own strings, the rest JSON-escaped.
   */
  write(f) {
    const url = f.url.length > MAX_LOGGED_URL ? `${f.url.slice(0, MAX_LOGGED_URL)}...` : f.url;
    let line = `${this.heads[f.status >= 500 ? 40 : 30]}${Date.now()}${this.bindings},"requestId":${JSON.stringify(f.requestId)}`;
    line += `,"method":"${f.method}","url":${JSON.stringify(url)},"route":"${f.route}","client":${JSON.stringify(f.client)}`;
    if (f.upstream !== undefined) line += `,"upstream":${JSON.stringify(f.upstream)}`;
    line += `,"status":${f.status}`;
    if (f.principal !== undefined) line += `,"principal":${JSON.stringify(f.principal)}`;
    line += `,"ms":${f.ms},"msg":"request completed"}\n`;
    this.pending += line;
    if (this.pending.length >= MIN_WRITE) this.flush();
  }

  /** Starts a write of what is pending, unless one is under way (its end starts the next). */
  flush() {
    if (this.writing || this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending);
    this.pending = '';
    this.writing = true;
    this.writeFrom(chunk, 0);
  }

  writeFrom(chunk, offset) {
    write(this.fd, chunk, offset, chunk.length - offset, null, (error, written) => {
      if (error && error.code !== 'EAGAIN') throw error;
      const next = offset + (error ? 0 : written);
      if (next < chunk.length) {
        setTimeout(() => this.writeFrom(chunk, next), error ? 1 : 0);
        return;
      }
      this.writing = false;
      if (this.pending.length >= MIN_WRITE) this.flush();
    });
  }

  /** What is pending, now (on the way out). */
  flushSync() {
    if (this.pending.length) writeSync(this.fd, this.pending);
    this.pending = '';
  }
}
