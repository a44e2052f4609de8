import { GatewayError, ProblemKindError } from '../../common/errors/gateway-error';
import { InvalidParam } from '../../common/errors/problem';
import type { UpstreamMeaning } from '../../common/errors/upstream-meaning';

/**
 * iSales' refusal of a set of numbers (0200007 "already blocked", 0200018 "duplicates"), with the numbers at fault
 * named by their position in the request: the same status, type and upstream fault, what it means kept as it was.
 */
export class NumbersRefusedError extends ProblemKindError {
  override readonly upstreamMeaning?: UpstreamMeaning;
  override readonly invalidParams: InvalidParam[];

  constructor(cause: GatewayError, invalidParams: InvalidParam[]) {
    super(cause, cause.detail);
    this.upstreamMeaning = cause.upstreamMeaning;
    this.invalidParams = invalidParams;
  }
}
