import {
  BrokenCircuitError,
  bulkhead,
  BulkheadPolicy,
  BulkheadRejectedError,
  circuitBreaker,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  Event,
  EventEmitter,
  handleWhen,
  IRetryBackoffContext,
  noop,
  retry,
  RetryPolicy,
  TaskCancelledError,
  timeout,
  TimeoutPolicy,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/configuration';
import { callDeadlineMs, ResilienceConfig } from '../config/resilience.config';
import { CallDeadline } from './call-deadline';
import { IsalesTimeoutError } from './isales.errors';
import { ISALES_OPERATIONS, IsalesOperation } from './isales-operation';
import { IsalesBusyError, IsalesCircuitOpenError } from './resilience.errors';
import { isRetryable, isUpstreamFailure, requestedWaitMs } from './upstream-failures';
import { UpstreamQuota } from './upstream-quota';
import { UpstreamQuotaPolicy } from './upstream-quota.policy';

export interface UpstreamCallSpec {
  operation: IsalesOperation;
  /** Reads are; a non-idempotent call is repeated only when it certainly never reached iSales. */
  idempotent: boolean;
  /** Identical concurrent calls (same operation and key: VDN, query, body) share one; reads only. */
  coalesceKey?: string;
}

/** What one attempt gets: abort when it fires, and how long it may take at most. */
export interface AttemptContext {
  signal: AbortSignal;
  timeoutMs: number;
}

export type CircuitStateName = 'closed' | 'open' | 'half-open' | 'isolated';

export interface RetryEvent {
  operation: IsalesOperation;
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
}

const STATE_NAMES: Readonly<Record<CircuitState, CircuitStateName>> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

/** Per operation: its breaker (and when it last opened) and its per-attempt timeout. */
interface OperationPolicies {
  breaker: CircuitBreakerPolicy;
  openedAt: number;
  timeout: TimeoutPolicy;
}

/**
 * The policy chain in front of every iSales call (docs/design.md section 9), with cockatiel:
 * coalescing, then bulkhead -> circuit breaker -> retry -> quota -> per-attempt timeout, all within
 * the call's deadline. The bulkhead is shared by every operation (it bounds this instance); the
 * breaker and timeout belong to one operation; the retry and the quota wait are built per call
 * because they depend on its deadline.
 *
 * Hooks for metrics: `onRetry`, and each operation's `breaker(operation)` (cockatiel's
 * onStateChange / onBreak / onReset events).
 */
export class IsalesPolicies {
  private readonly logger = new Logger('IsalesPolicies');
  private readonly config: ResilienceConfig;
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;
  private readonly bulkhead: BulkheadPolicy;
  private readonly operations: Readonly<Record<IsalesOperation, OperationPolicies>>;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly retries = new EventEmitter<RetryEvent>();
  readonly onRetry: Event<RetryEvent> = this.retries.addListener;

  constructor(
    config: Pick<AppConfig, 'isales' | 'resilience'>,
    private readonly quota: UpstreamQuota | null,
  ) {
    this.config = config.resilience;
    this.timeoutMs = config.isales.timeoutMs;
    this.deadlineMs = callDeadlineMs(config);
    this.bulkhead = bulkhead(this.config.maxConcurrency, this.config.maxQueue);
    this.operations = Object.fromEntries(ISALES_OPERATIONS.map((operation) => [operation, this.operationPolicies(operation)])) as Record<
      IsalesOperation,
      OperationPolicies
    >;
  }

  breaker(operation: IsalesOperation): CircuitBreakerPolicy {
    return this.operations[operation].breaker;
  }

  /** For readiness: each operation's breaker. */
  circuitStates(): Record<IsalesOperation, CircuitStateName> {
    return Object.fromEntries(ISALES_OPERATIONS.map((op) => [op, STATE_NAMES[this.operations[op].breaker.state]])) as Record<
      IsalesOperation,
      CircuitStateName
    >;
  }

  /**
   * Runs `attempt` (build, sign, send, read the answer) through the chain; every attempt signs
   * afresh. Resolves its value or rejects with an IsalesError.
   */
  execute<T>(call: UpstreamCallSpec, attempt: (context: AttemptContext) => Promise<T>): Promise<T> {
    if (call.coalesceKey === undefined || !call.idempotent) return this.run(call, attempt);
    const key = `${call.operation}\n${call.coalesceKey}`;
    let shared = this.inflight.get(key) as Promise<T> | undefined;
    if (!shared) {
      shared = this.run(call, attempt).finally(() => this.inflight.delete(key));
      this.inflight.set(key, shared);
    }
    return shared;
  }

  private async run<T>(call: UpstreamCallSpec, attempt: (context: AttemptContext) => Promise<T>): Promise<T> {
    const { operation } = call;
    const own = this.operations[operation];
    const deadline = new CallDeadline(this.deadlineMs);
    const chain = wrap(
      this.bulkhead,
      own.breaker,
      this.retryFor(call, deadline),
      this.quota ? new UpstreamQuotaPolicy(this.quota, operation, deadline) : noop,
      own.timeout,
    );
    try {
      const work = chain.execute(({ signal }) => {
        // Callers that waited behind a half-open breaker's probe lose the deadline's signal in cockatiel.
        if (deadline.expired) throw new TaskCancelledError();
        return attempt({ signal, timeoutMs: Math.max(1, Math.ceil(Math.min(this.timeoutMs, deadline.remainingMs()))) });
      }, deadline.signal);
      return await deadline.bound(work, () => new IsalesTimeoutError(operation, this.deadlineMs));
    } catch (error) {
      throw this.translate(operation, error, deadline);
    } finally {
      deadline.dispose();
    }
  }

  private operationPolicies(operation: IsalesOperation): OperationPolicies {
    const breaker = circuitBreaker(handleWhen(isUpstreamFailure), {
      halfOpenAfter: this.config.breakerCooldownS * 1000,
      breaker: new ConsecutiveBreaker(this.config.breakerFailures),
    });
    const policies: OperationPolicies = { breaker, openedAt: 0, timeout: timeout(this.timeoutMs, {
        strategy: TimeoutStrategy.Aggressive,
        // An attempt that returned has nothing left to cancel (the transport settled and let go of the
        // signal); aborting it anyway built a DOMException per call, a few percent of a proxied read.
        abortOnReturn: false,
      }),
    };
    breaker.onBreak(() => {
      policies.openedAt = Date.now();
      this.logger.warn({ operation, cooldownS: this.config.breakerCooldownS }, 'iSales keeps failing: calls of this operation answer 503 until a probe succeeds');
    });
    breaker.onReset(() => this.logger.log({ operation }, 'iSales answers again: calls of this operation resumed'));
    return policies;
  }

  /** Retries within the deadline: a wait iSales asked for (429) only when it fits, else full jitter. */
  private retryFor(call: UpstreamCallSpec, deadline: CallDeadline): RetryPolicy {
    const mayRetry = (error: Error) =>
      isRetryable(error, call.idempotent) && (requestedWaitMs(error) ?? 0) < deadline.remainingMs();
    const backoffMs = ({ attempt, result }: IRetryBackoffContext<unknown>) => {
      const wanted = ('error' in result && requestedWaitMs(result.error)) || Math.random() * this.config.retryBaseMs * 2 ** (attempt - 1);
      return Math.min(wanted, deadline.remainingMs());
    };
    const policy = retry(handleWhen(mayRetry), { maxAttempts: this.config.retries, backoff: new DelegateBackoff(backoffMs) });
    policy.onRetry(({ attempt, delay }) => this.retries.emit({ operation: call.operation, attempt, delayMs: delay }));
    return policy;
  }

  private translate(operation: IsalesOperation, error: unknown, deadline: CallDeadline): unknown {
    if (error instanceof BrokenCircuitError) {
      const openedAt = this.operations[operation].openedAt;
      return new IsalesCircuitOpenError(operation, this.config.breakerCooldownS - (Date.now() - openedAt) / 1000);
    }
    if (error instanceof BulkheadRejectedError) return new IsalesBusyError(operation);
    if (error instanceof TaskCancelledError) return new IsalesTimeoutError(operation, deadline.expired ? this.deadlineMs : this.timeoutMs);
    return error;
  }
}
