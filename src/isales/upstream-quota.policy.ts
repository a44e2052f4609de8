import { setTimeout as sleep } from 'node:timers/promises';
import { EventEmitter, IDefaultPolicyContext, IFailureEvent, IPolicy, ISuccessEvent } from 'cockatiel';
import { CallDeadline } from './call-deadline';
import { IsalesOperation } from './isales-operation';
import { IsalesQuotaExhaustedError } from './resilience.errors';
import { UpstreamQuota } from './upstream-quota';

/**
 * A link of the cockatiel chain that waits for the quota's next slot before each attempt, retries
 * included (they are calls to iSales too), as long as the slot comes within the call's deadline.
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
    const waitMs = await this.quota.reserve(this.deadline.remainingMs());
    if (waitMs === null) throw new IsalesQuotaExhaustedError(this.operation);
    if (waitMs > 0) await sleep(waitMs, undefined, { signal });
    return fn({ signal });
  }
}
