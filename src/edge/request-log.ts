import type { LogLevel } from '../config/app.config';
import type { UpstreamCallRecord } from '../common/request/request-context';

/** The fields of a request's log line, in the order they are written. */
export interface RequestLogFields {
  requestId: string;
  method: string;
  url: string;
  route: string;
  client: string;
  upstream: readonly UpstreamCallRecord[] | undefined;
  status: number;
  /** The principal's id (`key:<id>`, `sub:<subject>`): never a token or a key. */
  principal: string | undefined;
  authFailure: string | undefined;
  ms: number;
}

export const REQUEST_LOG_MESSAGE = 'request completed';

/** pino's level numbers, which every line carries. */
const LEVEL_NUMBERS: Readonly<Record<LogLevel, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };
const INFO = LEVEL_NUMBERS.info;
const WARN = LEVEL_NUMBERS.warn;
/** Route templates and methods are a fixed set; their JSON is kept, up to this many. */
const MEMO_KEPT = 256;

export interface RequestLogOptions {
  /** The application log's level (LOG_LEVEL): a request's line is written at info, or warn for a 5xx. */
  level: LogLevel;
  /** The application log's stream: the lines interleave whole, in order. */
  destination: { write(line: string): unknown };
  /** The application log's base fields (LOG_BASE), written after the level and time. */
  base: Readonly<Record<string, unknown>>;
  /**
   * The application log's mixin (logMixin()): the request id and, with tracing, the trace ids;
   * undefined when it would add nothing but the request id, which the line carries anyway.
   */
  mixin: (() => Record<string, unknown>) | undefined;
  /** Milliseconds since the epoch (tests pass a fixed clock). */
  now?: () => number;
}

/**
 * Writes the request's log line, the one line per request, as one template string of JSON-escaped
 * fields appended to the log's stream. The gateway owns this line: it is built from the same
 * configuration as the application's pino logger (level, base, mixin; pino's defaults for the time
 * and the message key) and is the line that logger writes for the same fields, byte for byte
 * (request-log.spec.ts compares them), without pino's walk over an object, its serialisers and its
 * redaction. Every field is the gateway's own (no header, no body; the principal is an id, never a
 * key or a token; the URL is cut and masked by the caller), which is why no redaction is needed.
 *
 * pino's order: level, time, base, the mixin's fields (the line's own value where a key is the
 * line's too, as the request id is inside a request's context), then the line's fields, then msg.
 */
export class RequestLogWriter {
  private readonly levelNumber: number;
  private readonly infoHead: string;
  private readonly warnHead: string;
  private readonly bindings: string;
  private readonly destination: RequestLogOptions['destination'];
  private readonly mixin: RequestLogOptions['mixin'];
  private readonly now: () => number;
  private readonly memo = new Map<string, string>();

  constructor(options: RequestLogOptions) {
    this.levelNumber = LEVEL_NUMBERS[options.level];
    this.infoHead = `{"level":${INFO},"time":`;
    this.warnHead = `{"level":${WARN},"time":`;
    let bindings = '';
    for (const key of Object.keys(options.base)) {
      const value = options.base[key];
      if (value !== undefined) bindings += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
    }
    this.bindings = bindings;
    this.destination = options.destination;
    this.mixin = options.mixin;
    this.now = options.now ?? Date.now;
  }

  /** Writes the line at `warn` for a 5xx, at `info` for the rest (when the log's level lets it). */
  write(fields: RequestLogFields): void {
    const warn = fields.status >= 500;
    if ((warn ? WARN : INFO) < this.levelNumber) return;
    let line = `${warn ? this.warnHead : this.infoHead}${this.now()}${this.bindings}`;
    let identified = false;
    const mixed = this.mixin?.();
    for (const key in mixed) {
      if (key === 'requestId') {
        line += `,"requestId":${JSON.stringify(fields.requestId)}`;
        identified = true;
        continue;
      }
      const value = mixed[key];
      if (value !== undefined && !(key in fields)) line += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
    }
    if (!identified) line += `,"requestId":${JSON.stringify(fields.requestId)}`;
    line += `,"method":${this.json(fields.method)},"url":${JSON.stringify(fields.url)}`;
    line += `,"route":${this.json(fields.route)},"client":${JSON.stringify(fields.client)}`;
    if (fields.upstream !== undefined) line += `,"upstream":${JSON.stringify(fields.upstream)}`;
    line += `,"status":${fields.status}`;
    if (fields.principal !== undefined) line += `,"principal":${JSON.stringify(fields.principal)}`;
    if (fields.authFailure !== undefined) line += `,"authFailure":${JSON.stringify(fields.authFailure)}`;
    line += `,"ms":${Number.isFinite(fields.ms) ? fields.ms : null},"msg":"${REQUEST_LOG_MESSAGE}"}\n`;
    this.destination.write(line);
  }

  /** The JSON of a string from a small fixed set (a route template, a method). */
  private json(value: string): string {
    let text = this.memo.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      if (this.memo.size < MEMO_KEPT) this.memo.set(value, text);
    }
    return text;
  }
}
