import pino, { type Logger } from 'pino';
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

const FIELD_NAMES = new Set<string>(['requestId', 'method', 'url', 'route', 'client', 'upstream', 'status', 'principal', 'authFailure', 'ms']);
const LEVELS = { info: 30, warn: 40 } as const;
/** Route templates and methods are a fixed set; their JSON is kept, up to this many. */
const MEMO_KEPT = 256;

const {
  chindingsSym,
  endSym,
  formattersSym,
  hooksSym,
  lsCacheSym,
  messageKeySym,
  mixinMergeStrategySym,
  mixinSym,
  msgPrefixSym,
  needsMetadataGsym,
  nestedKeySym,
  serializersSym,
  stringifiersSym,
  streamSym,
  timeSym,
  wildcardFirstSym,
} = pino.symbols as unknown as Record<string, symbol>;

type Internals = Record<symbol, unknown>;
type Mixin = (merge: object, level: number, logger: Logger) => Record<string, unknown>;

/**
 * Writes the request's log line, the one line per request, with as little work as a line can
 * take: one template string of JSON-escaped fields appended straight to the logger's destination
 * (sonic-boom's buffer), byte for byte what pino writes for the same object (level, time, the
 * logger's bindings, the mixin's request and trace ids, the fields, msg), without pino's walk over
 * an object, its serialisers and its stringifiers (which cost a cache hit about 6 % of its time).
 *
 * Every field is the gateway's own (no header, no body; the principal is an id, never a key or a
 * token; the URL is cut and masked by the caller), which is why no redaction runs, as before. A
 * logger this cannot reproduce exactly (a log formatter, a stream write hook, a message prefix, a
 * multistream that wants the line's metadata, redaction or serialisers on these fields) gets the
 * ordinary `logger.info(object, msg)` instead.
 */
export class RequestLogWriter {
  private readonly fast: boolean;
  private readonly memo = new Map<string, string>();

  constructor(private readonly logger: Logger) {
    const internals = logger as unknown as Internals;
    const stream = internals[streamSym] as { write?: unknown } & Internals;
    const serializers = internals[serializersSym] as Record<string, unknown>;
    const stringifiers = internals[stringifiersSym] as Record<string | symbol, unknown>;
    this.fast =
      typeof stream?.write === 'function' &&
      stream[needsMetadataGsym] !== true &&
      !(internals[hooksSym] as { streamWrite?: unknown }).streamWrite &&
      !(internals[formattersSym] as { log?: unknown }).log &&
      internals[messageKeySym] === 'msg' &&
      !internals[msgPrefixSym] &&
      !internals[nestedKeySym] &&
      !internals[mixinMergeStrategySym] &&
      Object.keys(stringifiers).length === 0 &&
      !stringifiers[wildcardFirstSym] &&
      ![...FIELD_NAMES, REQUEST_LOG_MESSAGE].some((name) => serializers[name]) &&
      typeof (internals[lsCacheSym] as Record<number, unknown>)[LEVELS.info] === 'string' &&
      typeof (internals[lsCacheSym] as Record<number, unknown>)[LEVELS.warn] === 'string';
  }

  /** Writes the line at `warn` for a 5xx, at `info` for the rest (when the logger's level lets it). */
  write(fields: RequestLogFields): void {
    const level = fields.status >= 500 ? 'warn' : 'info';
    const num = LEVELS[level];
    if (num < this.logger.levelVal) return;
    if (!this.fast) {
      this.logger[level](fields, REQUEST_LOG_MESSAGE);
      return;
    }
    const internals = this.logger as unknown as Internals;
    let line = `${(internals[lsCacheSym] as Record<number, string>)[num]}${(internals[timeSym] as () => string)()}${internals[chindingsSym] as string}`;
    // pino's order: the mixin's fields first (the request id among them inside the request's context), then the line's.
    let identified = false;
    const mixin = internals[mixinSym] as Mixin | undefined;
    if (mixin) {
      const mixed = mixin({}, num, this.logger);
      for (const key in mixed) {
        const value = mixed[key];
        if (key === 'requestId') {
          line += `,"requestId":${JSON.stringify(fields.requestId)}`;
          identified = true;
        } else if (value !== undefined && !FIELD_NAMES.has(key)) line += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
      }
    }
    if (!identified) line += `,"requestId":${JSON.stringify(fields.requestId)}`;
    line += `,"method":${this.json(fields.method)},"url":${JSON.stringify(fields.url)}`;
    line += `,"route":${this.json(fields.route)},"client":${JSON.stringify(fields.client)}`;
    if (fields.upstream !== undefined) line += `,"upstream":${JSON.stringify(fields.upstream)}`;
    line += `,"status":${fields.status}`;
    if (fields.principal !== undefined) line += `,"principal":${JSON.stringify(fields.principal)}`;
    if (fields.authFailure !== undefined) line += `,"authFailure":${JSON.stringify(fields.authFailure)}`;
    line += `,"ms":${Number.isFinite(fields.ms) ? fields.ms : null},"msg":"${REQUEST_LOG_MESSAGE}"${internals[endSym] as string}`;
    (internals[streamSym] as { write(line: string): unknown }).write(line);
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
