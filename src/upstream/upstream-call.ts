/** What the policy chain is asked to run, and what it tells its listeners (docs/design.md section 15). */
import type { IsalesOperation } from './operations.catalogue';

export interface UpstreamCallSpec {
  operation: IsalesOperation;
  /** Whose call it is: the VDN's share of the bulkhead and its own breaker apply. */
  vdnId: number;
  /** Reads are; a non-idempotent call is repeated only when it certainly never reached iSales. */
  idempotent: boolean;
  /** Identical concurrent calls (same operation and key: VDN, query, body) share one; reads only. */
  coalesceKey?: string;
}

/**
 * What one attempt gets: its time. The attempt ends itself within `timeoutMs` (the transport's one
 * timer) and reports running out of it as IsalesTimeoutError(`reportedMs`): the timeout that
 * applied, ISALES_TIMEOUT_MS or, when the deadline cut the attempt short, ISALES_DEADLINE_MS. The
 * chain arms no timer, AbortController or promise of its own per attempt.
 */
export interface AttemptContext {
  timeoutMs: number;
  reportedMs: number;
}

export type Attempt<T> = (context: AttemptContext) => Promise<T>;

export type CircuitStateName = 'closed' | 'open' | 'half-open' | 'isolated';

export interface RetryEvent {
  operation: IsalesOperation;
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
}

/** An operation's circuits as metrics and readiness see them: bounded, never one entry per VDN. */
export interface CircuitSummary {
  operation: IsalesOperation;
  /** Circuits of this operation (one per VDN that called it) that are not closed. */
  open: number;
  /** The worst of them: open before half-open before closed. */
  state: CircuitStateName;
}
