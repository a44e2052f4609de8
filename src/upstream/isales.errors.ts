import { GatewayError } from '../common/errors/gateway-error';
import { InvalidParam, UpstreamFault } from '../common/errors/problem';
import type { UpstreamMeaning } from '../common/errors/upstream-meaning';
import { OUTCOME_STATUS, UpstreamOutcome } from './error-codes';
import type { IsalesOperation } from './operations.catalogue';

/**
 * Every failure of an upstream call is one of these; resource code never sees transport errors.
 * Each says what it means as data (`upstreamMeaning`), so that nothing outside this folder needs
 * to know these classes (docs/design.md section 15).
 */
export abstract class IsalesError extends GatewayError {
  abstract override readonly upstreamMeaning: UpstreamMeaning;

  constructor(
    readonly operation: IsalesOperation,
    detail: string,
  ) {
    super(detail);
  }
}

/** Meanings shared by every instance of a kind: one frozen object each, nothing built per failure. */
const meaning = (m: UpstreamMeaning): UpstreamMeaning => Object.freeze(m);
const BUSINESS_ANSWER = meaning({ outcome: 'business_error', mayHaveReachedIsales: true, countsAgainstBreaker: false, retryable: 'never', httpStatus: 200 });
// "Called too fast": iSales did nothing, so an idempotent write may be sent again with the same key.
const BUSINESS_SLOW_DOWN = meaning({
  outcome: 'business_error',
  mayHaveReachedIsales: false,
  countsAgainstBreaker: false,
  retryable: 'never',
  httpStatus: 200,
});
const TIMED_OUT = meaning({ outcome: 'timeout', mayHaveReachedIsales: true, countsAgainstBreaker: true, retryable: 'reads' });
const BROKEN = meaning({ outcome: 'unreachable', mayHaveReachedIsales: true, countsAgainstBreaker: true, retryable: 'reads' });
const REFUSED = meaning({ outcome: 'unreachable', mayHaveReachedIsales: false, countsAgainstBreaker: true, retryable: 'always' });
const UNREADABLE = meaning({ outcome: 'bad_response', mayHaveReachedIsales: true, countsAgainstBreaker: false, retryable: 'never', httpStatus: 200 });
const httpMeanings = new Map<number, UpstreamMeaning>();

/** A 5xx may have done the work and says iSales is unwell; 429 did nothing and may be repeated by a read; other 4xx are answers. */
function httpMeaning(status: number): UpstreamMeaning {
  let known = httpMeanings.get(status);
  if (!known) {
    const failing = status >= 500;
    known = meaning({
      outcome: 'http_error',
      mayHaveReachedIsales: failing,
      countsAgainstBreaker: failing,
      retryable: failing || status === 429 ? 'reads' : 'never',
      httpStatus: status,
    });
    httpMeanings.set(status, known);
  }
  return known;
}

const BUSINESS_OUTCOME: Readonly<Record<UpstreamOutcome, { slug: string; title: string }>> = {
  invalid: { slug: 'upstream-rejected', title: 'iSales rejected the request' },
  'not-found': { slug: 'upstream-not-found', title: 'iSales reports that it does not exist' },
  conflict: { slug: 'upstream-conflict', title: 'iSales reports a state conflict' },
  'rate-limited': { slug: 'upstream-rate-limited', title: 'iSales asks to slow down' },
  failure: { slug: 'upstream-error', title: 'iSales failed' },
};

/** HTTP 200 with a non-success `resultCode`; `outcome` undefined when the code is not in the table. */
export class IsalesBusinessError extends IsalesError {
  readonly slug: string;
  readonly title: string;
  readonly status: number;
  override readonly upstream: UpstreamFault;
  readonly upstreamMeaning: UpstreamMeaning;
  override readonly invalidParams?: InvalidParam[] = undefined;

  /** `names`: the input parameter this code is about (the catalogue's `errorParams`), for `invalidParams`. */
  constructor(
    operation: IsalesOperation,
    code: string,
    description: string,
    readonly outcome: UpstreamOutcome | undefined,
    names?: InvalidParam,
  ) {
    super(operation, description || `iSales answered ${code}`);
    if (names) this.invalidParams = [names];
    const known = outcome ?? 'failure';
    this.slug = outcome ? BUSINESS_OUTCOME[known].slug : 'upstream-unknown-code';
    this.title = outcome ? BUSINESS_OUTCOME[known].title : 'iSales answered with an undocumented code';
    this.status = OUTCOME_STATUS[known];
    this.upstream = { code, description };
    this.upstreamMeaning = outcome === 'rate-limited' ? BUSINESS_SLOW_DOWN : BUSINESS_ANSWER;
    // ADDNUM documents at least one second between calls.
    if (known === 'rate-limited') this.retryAfterS = 1;
  }
}

/** A non-200 HTTP status from iSales. */
export class IsalesHttpError extends IsalesError {
  readonly slug: string;
  readonly title: string;
  readonly status: number;
  override readonly upstream: UpstreamFault;
  readonly upstreamMeaning: UpstreamMeaning;

  constructor(
    operation: IsalesOperation,
    readonly httpStatus: number,
    retryAfterS?: number,
  ) {
    super(operation, IsalesHttpError.describe(httpStatus));
    this.upstream = { code: `HTTP ${httpStatus}`, description: IsalesHttpError.describe(httpStatus) };
    this.upstreamMeaning = httpMeaning(httpStatus);
    if (httpStatus === 429) {
      this.slug = 'upstream-rate-limited';
      this.title = 'iSales asks to slow down';
      this.status = 429;
      this.retryAfterS = retryAfterS ?? 1;
    } else if (httpStatus === 401) {
      // The gateway's own AK/SK or clock is wrong: never the caller's fault.
      this.slug = 'upstream-auth-failed';
      this.title = 'iSales refused the gateway\u2019s credentials';
      this.status = 502;
    } else {
      this.slug = 'upstream-error';
      this.title = 'iSales failed';
      this.status = 502;
    }
  }

  private static describe(status: number): string {
    if (status === 401) return 'iSales answered HTTP 401: the gateway\u2019s signature was not accepted';
    return `iSales answered HTTP ${status}`;
  }
}

export class IsalesTimeoutError extends IsalesError {
  readonly slug = 'upstream-timeout';
  readonly title = 'iSales did not answer in time';
  readonly status = 504;
  readonly upstreamMeaning = TIMED_OUT;

  constructor(operation: IsalesOperation, timeoutMs: number) {
    super(operation, `iSales did not answer within ${timeoutMs} ms`);
  }
}

/** Refused, reset or dropped connections, TLS failures. */
export class IsalesUnreachableError extends IsalesError {
  readonly slug = 'upstream-unreachable';
  readonly title = 'iSales could not be reached';
  readonly status = 502;
  readonly upstreamMeaning: UpstreamMeaning;

  /** `refused`: the request certainly never reached iSales, so even a write may be sent again. */
  constructor(
    operation: IsalesOperation,
    reason: string,
    readonly refused = false,
  ) {
    super(operation, `The connection to iSales failed (${reason})`);
    this.upstreamMeaning = refused ? REFUSED : BROKEN;
  }
}

/** HTTP 200 with a body that is not the documented envelope. */
export class IsalesBadResponseError extends IsalesError {
  readonly slug = 'upstream-bad-response';
  readonly title = 'iSales answered with something unreadable';
  readonly status = 502;
  readonly upstreamMeaning = UNREADABLE;
}
