import { createHash } from 'node:crypto';
import { GatewayError, ProblemKindError } from '../common/errors/gateway-error';
import { UpstreamFault } from '../common/errors/problem';

/** A problem as it is kept for replay: what the filter renders, minus the request's own id and URL. */
export interface StoredProblem {
  status: number;
  slug: string;
  title: string;
  detail: string;
  upstream?: UpstreamFault;
  retryAfterS?: number;
}

/**
 * A field of a success's body as kept: its name and value, or its name alone when the value repeats
 * the request body's field of that name (a replay takes it from the request, which the fingerprint
 * proves to be the same): so a reservation's calledNumber and callData are not kept for a day.
 */
export type StoredField = [name: string, value: unknown] | [name: string];

export type StoredAnswer =
  | { kind: 'success'; body: unknown; location?: string }
  | { kind: 'success'; fields: StoredField[]; location?: string }
  /** The answer was larger than IDEMPOTENCY_MAX_RECORD_BYTES: only that it succeeded, and where the result is. */
  | { kind: 'not-kept'; bytes: number; location?: string }
  | { kind: 'problem'; problem: StoredProblem };

/** Fields never kept, not even hashed inside a fingerprint: a hash of a short password can be guessed. */
const SECRET_FIELDS = new Set(['password']);

function canonical(value: unknown, keepSecrets = false): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item, keepSecrets));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => keepSecrets || !SECRET_FIELDS.has(key))
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key], keepSecrets)]),
    );
  }
  return value;
}

/** The same JSON value, whatever its key order, secrets included. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a, true)) === JSON.stringify(canonical(b, true));
}

/** A value that holds a secret anywhere is never re-derived: the fingerprint does not cover secrets. */
function holdsSecret(value: unknown): boolean {
  return JSON.stringify(canonical(value, true)) !== JSON.stringify(canonical(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A success as kept: an object body field by field, leaving out the values that repeat the
 * request's own (see StoredField); any other body as it is.
 */
export function toStoredSuccess(body: unknown, request: unknown, location?: string): StoredAnswer {
  const where = location === undefined ? {} : { location };
  if (!isRecord(body) || !isRecord(request)) return { kind: 'success', body, ...where };
  const fields = Object.entries(body).map(([name, value]): StoredField => {
    const echoed = Object.hasOwn(request, name) && sameJson(request[name], value) && !holdsSecret(value);
    return echoed ? [name] : [name, value];
  });
  return { kind: 'success', fields, ...where };
}

/** The body a replay answers: the kept fields, and the repeated ones taken from this (identical) request. */
export function replayedBody(answer: Extract<StoredAnswer, { kind: 'success' }>, request: unknown): unknown {
  if (!('fields' in answer)) return answer.body;
  const source = isRecord(request) ? request : {};
  return Object.fromEntries(answer.fields.map((field) => [field[0], field.length === 2 ? field[1] : source[field[0]]]));
}

/** The answer itself when it fits in `maxBytes` (as kept, serialised), else only that it succeeded. */
export function withinRecordLimit(answer: StoredAnswer, maxBytes: number): StoredAnswer {
  const bytes = Buffer.byteLength(JSON.stringify(answer));
  if (bytes <= maxBytes || answer.kind !== 'success') return answer;
  return { kind: 'not-kept', bytes, ...(answer.location !== undefined && { location: answer.location }) };
}

/** The same JSON body, whatever its key order, has the same fingerprint (passwords left out). */
export function fingerprintOf(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('base64url');
}

/**
 * Whether a failed write may have reached iSales. Then its answer is kept like a success, since
 * sending it again could write twice (a timeout or a 5xx says nothing about what iSales did).
 * When iSales surely did nothing (input refused before the call, a refused connection, a 401 or a
 * 429, an open breaker), the key is released so that a retry does the work. The upstream error
 * says which it is (its `upstreamMeaning`); anything without one never called iSales.
 */
export function mayHaveReachedIsales(error: unknown): boolean {
  return error instanceof GatewayError && error.upstreamMeaning?.mayHaveReachedIsales === true;
}

export function toStoredProblem(error: GatewayError): StoredProblem {
  return {
    status: error.status,
    slug: error.slug,
    title: error.title,
    detail: error.detail,
    ...(error.upstream && { upstream: error.upstream }),
    ...(error.retryAfterS !== undefined && { retryAfterS: error.retryAfterS }),
  };
}

/** The first request's problem, answered again (with this request's id and URL). */
export class ReplayedProblemError extends ProblemKindError {
  constructor(problem: StoredProblem) {
    super(problem, problem.detail);
  }
}
