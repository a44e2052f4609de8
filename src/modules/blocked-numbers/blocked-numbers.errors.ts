import { GatewayError } from '../../common/errors/gateway-error';
import { InvalidParam, UpstreamFault } from '../../common/errors/problem';
import type { UpstreamMeaning } from '../../common/errors/upstream-meaning';

/**
 * iSales' refusal of a set of numbers (0200007 "already blocked", 0200018 "duplicates"), with the numbers at fault
 * named by their position in the request: the same status, type and upstream fault, what it means kept as it was.
 */
export class NumbersRefusedError extends GatewayError {
  readonly slug: string;
  readonly title: string;
  readonly status: number;
  override readonly upstream?: UpstreamFault;
  override readonly upstreamMeaning?: UpstreamMeaning;
  override readonly invalidParams: InvalidParam[];

  constructor(cause: GatewayError, invalidParams: InvalidParam[]) {
    super(cause.detail);
    this.slug = cause.slug;
    this.title = cause.title;
    this.status = cause.status;
    this.upstream = cause.upstream;
    this.upstreamMeaning = cause.upstreamMeaning;
    this.retryAfterS = cause.retryAfterS;
    this.invalidParams = invalidParams;
  }
}
