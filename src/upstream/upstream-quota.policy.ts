import { EventEmitter, IDefaultPolicyContext, IFailureEvent, IPolicy, ISuccessEvent } from 'cockatiel';
import { CallDeadline } from './call-deadline';
import { IsalesOperation } from './isales-operation';
import { IsalesQuotaExhaustedError } from './resilience.errors';
import { UpstreamQuota } from './upstream-quota';

/**
 * A link of the cockatiel chain that waits for a quota token before each attempt, retries included
 * (they are calls to iSales too), as long as one comes within the call's deadline.
 */
export class UpstreamQuotaPolicy implements IPolicy {
  declare readonly _altReturn: never;
  readonly onSuccess = new EventEmitter<ISuccessEvent>().addListener;
  readonly onFailure = new EventEmitter<IFailureEvent>().addListener;

  constructor(
    private readonly quota: UpstreamQuota,
    private readonly operation: IsalesOperation,
    private readonly deadline: CallDeadline,
  ) {}

  async execute<T>(fn: (context: IDefaultPolicyContext) => PromiseLike<T> | T, signal = this.deadline.signal): Promise<T> {
    if (!(await this.quota.acquire(this.deadline.remainingMs()))) throw new IsalesQuotaExhaustedError(this.operation);
    return fn({ signal });
  }
}
