import { createHash } from 'node:crypto';
import { GatewayError } from '../common/errors/gateway-error';
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

export type StoredAnswer = { kind: 'success'; body: unknown; location?: string } | { kind: 'problem'; problem: StoredProblem };

/** Fields never kept, not even hashed inside a fingerprint: a hash of a short password can be guessed. */
const SECRET_FIELDS = new Set(['password']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => !SECRET_FIELDS.has(key))
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
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
export class ReplayedProblemError extends GatewayError {
  readonly slug: string;
  readonly title: string;
  readonly status: number;
  override readonly upstream?: UpstreamFault;

  constructor(problem: StoredProblem) {
    super(problem.detail);
    this.slug = problem.slug;
    this.title = problem.title;
    this.status = problem.status;
    this.upstream = problem.upstream;
    this.retryAfterS = problem.retryAfterS;
  }
}
