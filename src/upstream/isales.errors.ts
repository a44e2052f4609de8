import { GatewayError } from '../common/errors/gateway-error';
import { UpstreamFault } from '../common/errors/problem';
import { IsalesOperation } from './isales-operation';
import { OUTCOME_STATUS, UpstreamOutcome } from './isales-error-tables';

/** Every failure of an upstream call is one of these; resource code never sees transport errors. */
export abstract class IsalesError extends GatewayError {
  constructor(
    readonly operation: IsalesOperation,
    detail: string,
  ) {
    super(detail);
  }
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

  constructor(operation: IsalesOperation, code: string, description: string, readonly outcome: UpstreamOutcome | undefined) {
    super(operation, description || `iSales answered ${code}`);
    const known = outcome ?? 'failure';
    this.slug = outcome ? BUSINESS_OUTCOME[known].slug : 'upstream-unknown-code';
    this.title = outcome ? BUSINESS_OUTCOME[known].title : 'iSales answered with an undocumented code';
    this.status = OUTCOME_STATUS[known];
    this.upstream = { code, description };
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

  constructor(operation: IsalesOperation, readonly httpStatus: number, retryAfterS?: number) {
    super(operation, IsalesHttpError.describe(httpStatus));
    this.upstream = { code: `HTTP ${httpStatus}`, description: IsalesHttpError.describe(httpStatus) };
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

  constructor(operation: IsalesOperation, timeoutMs: number) {
    super(operation, `iSales did not answer within ${timeoutMs} ms`);
  }
}

/** Refused, reset or dropped connections, TLS failures. */
export class IsalesUnreachableError extends IsalesError {
  readonly slug = 'upstream-unreachable';
  readonly title = 'iSales could not be reached';
  readonly status = 502;

  /** `refused`: the request certainly never reached iSales, so even a write may be sent again. */
  constructor(operation: IsalesOperation, reason: string, readonly refused = false) {
    super(operation, `The connection to iSales failed (${reason})`);
  }
}

/** HTTP 200 with a body that is not the documented envelope. */
export class IsalesBadResponseError extends IsalesError {
  readonly slug = 'upstream-bad-response';
  readonly title = 'iSales answered with something unreadable';
  readonly status = 502;
}
