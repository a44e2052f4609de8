import { AppConfig } from '../config/configuration';
import { callDeadlineMs } from '../config/resilience.config';
import { OperationChain, SharedPolicies } from './operation-chain';
import { ISALES_OPERATIONS, IsalesOperation } from './operations.catalogue';
import type { CircuitStateName, CircuitSummary, RetryEvent } from './upstream-call';
import { UpstreamQuota } from './upstream-quota';

export { MAX_IDLE_CIRCUITS, OperationChain } from './operation-chain';
export type { Attempt, AttemptContext, CircuitStateName, CircuitSummary, RetryEvent, UpstreamCallSpec } from './upstream-call';

/**
 * The policy chains in front of every iSales call (docs/design.md sections 9 and 15), one per
 * operation of the catalogue, built here once. Hooks for metrics: `onRetry` and `onCircuitChange`.
 */
export class IsalesPolicies {
  private readonly chains: Readonly<Record<IsalesOperation, OperationChain>>;
  private readonly retryListeners: Array<(event: RetryEvent) => void> = [];
  private readonly circuitListeners: Array<(summary: CircuitSummary) => void> = [];

  constructor(config: Pick<AppConfig, 'isales' | 'resilience'>, quota: UpstreamQuota | null) {
    const shared = new SharedPolicies(
      config.resilience,
      config.isales.timeoutMs,
      callDeadlineMs(config),
      quota,
      (event) => this.retryListeners.forEach((listener) => listener(event)),
      (operation) => {
        const summary = this.chains[operation].summary();
        this.circuitListeners.forEach((listener) => listener(summary));
      },
    );
    this.chains = Object.fromEntries(ISALES_OPERATIONS.map((operation) => [operation, new OperationChain(operation, shared)])) as Record<
      IsalesOperation,
      OperationChain
    >;
  }

  /** The chain of one operation, built at start-up: the client keeps it and calls it per request. */
  chain(operation: IsalesOperation): OperationChain {
    return this.chains[operation];
  }

  onRetry(listener: (event: RetryEvent) => void): void {
    this.retryListeners.push(listener);
  }

  onCircuitChange(listener: (summary: CircuitSummary) => void): void {
    this.circuitListeners.push(listener);
  }

  /** For readiness and metrics: per operation, the worst state of its circuits. */
  circuitStates(): Record<IsalesOperation, CircuitStateName> {
    return Object.fromEntries(ISALES_OPERATIONS.map((op) => [op, this.chains[op].summary().state])) as Record<IsalesOperation, CircuitStateName>;
  }

  /** For readiness: how many circuits of each operation are open, listing only operations with one. */
  openCircuits(): Partial<Record<IsalesOperation, number>> {
    const open: Partial<Record<IsalesOperation, number>> = {};
    for (const op of ISALES_OPERATIONS) {
      const { open: count } = this.chains[op].summary();
      if (count > 0) open[op] = count;
    }
    return open;
  }

  summaries(): CircuitSummary[] {
    return ISALES_OPERATIONS.map((op) => this.chains[op].summary());
  }
}
