import { setTimeout as sleep } from 'node:timers/promises';
import { BrokenCircuitError, circuitBreaker, CircuitBreakerPolicy, CircuitState, ConsecutiveBreaker, handleWhen } from 'cockatiel';
import { Logger } from '@nestjs/common';
import type { GatewayError } from '../common/errors/gateway-error';
import { mayRetry } from '../common/errors/upstream-meaning';
import type { ResilienceConfig } from '../config/resilience.config';
import { Bulkhead, DeadlineExpired } from './bulkhead';
import { CallDeadline } from './call-deadline';
import { InFlightCalls } from './in-flight-calls';
import { IsalesTimeoutError } from './isales.errors';
import type { IsalesOperation } from './operations.catalogue';
import { IsalesBusyError, IsalesCircuitOpenError, IsalesQuotaExhaustedError } from './resilience.errors';
import { UpstreamQuota } from './upstream-quota';

import type { Attempt, CircuitStateName, CircuitSummary, RetryEvent, UpstreamCallSpec } from './upstream-call';

/** The breaker's signal is never used to cancel (attempts end themselves); one for every call. */
const NEVER_ABORTED = new AbortController().signal;

/** One VDN's circuit of one operation, and when it last opened (for Retry-After). */
interface Circuit {
  breaker: CircuitBreakerPolicy;
  openedAt: number;
  state: CircuitState;
  /** Calls inside its breaker now. */
  active: number;
  /** When a call last entered it (ms since the epoch). */
  usedAt: number;
}

/**
 * Circuits kept per operation before idle ones are dropped: a closed circuit with no call in it for a
 * cooldown is worth no more than a new one, so a principal walking through thousands of VDNs leaves
 * behind at most this many (per operation) plus those that are open or busy.
 */
export const MAX_IDLE_CIRCUITS = 256;

/** What every operation's chain shares: the instance's bulkhead, each VDN's share of it, the quota, the settings. */
export class SharedPolicies {
  readonly instance: Bulkhead;
  private readonly vdns = new Map<number, Bulkhead>();

  constructor(
    readonly config: ResilienceConfig,
    readonly timeoutMs: number,
    readonly deadlineMs: number,
    readonly quota: UpstreamQuota | null,
    readonly onRetry: (event: RetryEvent) => void,
    readonly onCircuitChange: (operation: IsalesOperation) => void,
  ) {
    this.instance = new Bulkhead(config.maxConcurrency, config.maxQueue);
  }

  /** A VDN's share, kept only while it holds or awaits a slot: the map is as large as the VDNs calling now. */
  vdnBulkhead(vdnId: number): Bulkhead {
    let share = this.vdns.get(vdnId);
    if (!share) {
      share = new Bulkhead(this.config.maxConcurrencyPerVdn, this.config.maxQueuePerVdn);
      this.vdns.set(vdnId, share);
    }
    return share;
  }

  leaveVdn(vdnId: number, share: Bulkhead): void {
    share.leave();
    if (share.idle) this.vdns.delete(vdnId);
  }
}

/**
 * One operation's chain, assembled once at start-up (docs/design.md section 15), in this order:
 * coalescing -> the VDN's share of the bulkhead -> the instance's bulkhead -> the breaker of
 * (operation, VDN) -> retries, each attempt after a quota token and with its own timeout, all within
 * the call's deadline. Per call it allocates the deadline (a number); a free slot is taken without
 * awaiting; each attempt is timed by the transport's one timer.
 */
export class OperationChain {
  private readonly logger: Logger;
  private readonly circuits = new Map<number, Circuit>();
  private readonly inflight = new InFlightCalls();
  private openCount = 0;

  constructor(
    readonly operation: IsalesOperation,
    private readonly shared: SharedPolicies,
  ) {
    this.logger = new Logger(`IsalesPolicies:${operation}`);
  }

  execute<T>(call: UpstreamCallSpec, attempt: Attempt<T>): Promise<T> {
    if (call.coalesceKey === undefined || !call.idempotent) return this.run(call, attempt);
    return this.inflight.join(call.coalesceKey, () => this.run(call, attempt));
  }

  summary(): CircuitSummary {
    let state: CircuitStateName = 'closed';
    for (const circuit of this.circuits.values()) {
      if (circuit.state === CircuitState.Open || circuit.state === CircuitState.Isolated)
        return { operation: this.operation, open: this.openCount, state: 'open' };
      if (circuit.state === CircuitState.HalfOpen) state = 'half-open';
    }
    return { operation: this.operation, open: this.openCount, state };
  }

  /** One VDN's circuit state (tests and logs). */
  circuitState(vdnId: number): CircuitStateName {
    const state = this.circuits.get(vdnId)?.state ?? CircuitState.Closed;
    return state === CircuitState.Open || state === CircuitState.Isolated ? 'open' : state === CircuitState.HalfOpen ? 'half-open' : 'closed';
  }

  private async run<T>(call: UpstreamCallSpec, attempt: Attempt<T>): Promise<T> {
    const deadline = new CallDeadline(this.shared.deadlineMs);
    const share = this.shared.vdnBulkhead(call.vdnId);
    // A free slot is taken synchronously: only a call that has to wait awaits anything here.
    const inShare = share.enter(deadline);
    if (inShare !== true) await this.waitFor(inShare);
    try {
      const inInstance = this.shared.instance.enter(deadline);
      if (inInstance !== true) await this.waitFor(inInstance);
      const circuit = this.circuit(call.vdnId);
      circuit.active++;
      circuit.usedAt = Date.now();
      try {
        return await circuit.breaker.execute(() => this.retrying(call, attempt, deadline), NEVER_ABORTED);
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          throw new IsalesCircuitOpenError(this.operation, this.shared.config.breakerCooldownS - (Date.now() - circuit.openedAt) / 1000);
        }
        throw error;
      } finally {
        circuit.active--;
        this.shared.instance.leave();
      }
    } finally {
      this.shared.leaveVdn(call.vdnId, share);
    }
  }

  /** A bulkhead that did not hand a slot at once: turned away (503), or queued until a slot or the deadline (504). */
  private async waitFor(entered: false | Promise<void>): Promise<void> {
    if (entered === false) throw new IsalesBusyError(this.operation);
    try {
      await entered;
    } catch (error) {
      if (error instanceof DeadlineExpired) throw new IsalesTimeoutError(this.operation, this.shared.deadlineMs);
      throw error;
    }
  }

  /** Retries within the deadline: a wait iSales asked for (HTTP 429) only when it fits, else full jitter. */
  private async retrying<T>(call: UpstreamCallSpec, attempt: Attempt<T>, deadline: CallDeadline): Promise<T> {
    const { config, quota, timeoutMs, deadlineMs } = this.shared;
    for (let retry = 0; ; retry++) {
      if (quota && !(await quota.acquire(deadline.remainingMs()))) throw new IsalesQuotaExhaustedError(this.operation);
      const remaining = deadline.remainingMs();
      if (remaining < 1) throw new IsalesTimeoutError(this.operation, deadlineMs);
      const cut = remaining < timeoutMs;
      try {
        return await attempt({ timeoutMs: cut ? Math.ceil(remaining) : timeoutMs, reportedMs: cut ? deadlineMs : timeoutMs });
      } catch (error) {
        const failure = error as Partial<GatewayError>;
        if (retry >= config.retries || !mayRetry(failure.upstreamMeaning, call.idempotent)) throw error;
        const asked = failure.upstreamMeaning?.httpStatus === 429 && failure.retryAfterS !== undefined ? failure.retryAfterS * 1000 : 0;
        const left = deadline.remainingMs();
        if (left < 1 || asked >= left) throw error;
        const delayMs = Math.min(asked || Math.random() * config.retryBaseMs * 2 ** retry, left);
        this.shared.onRetry({ operation: this.operation, attempt: retry + 1, delayMs });
        await sleep(delayMs);
      }
    }
  }

  private circuit(vdnId: number): Circuit {
    let circuit = this.circuits.get(vdnId);
    if (circuit) return circuit;
    const { breakerCooldownS, breakerFailures } = this.shared.config;
    if (this.circuits.size >= MAX_IDLE_CIRCUITS) this.dropIdleCircuits(Date.now() - breakerCooldownS * 1000);
    const breaker = circuitBreaker(
      handleWhen((error) => (error as Partial<GatewayError>).upstreamMeaning?.countsAgainstBreaker === true),
      { halfOpenAfter: breakerCooldownS * 1000, breaker: new ConsecutiveBreaker(breakerFailures) },
    );
    const created: Circuit = { breaker, openedAt: 0, state: CircuitState.Closed, active: 0, usedAt: 0 };
    breaker.onStateChange((state) => {
      const wasOpen = created.state !== CircuitState.Closed;
      const isOpen = state !== CircuitState.Closed;
      created.state = state;
      if (isOpen !== wasOpen) this.openCount += isOpen ? 1 : -1;
      this.shared.onCircuitChange(this.operation);
    });
    breaker.onBreak(() => {
      created.openedAt = Date.now();
      this.logger.warn(
        { operation: this.operation, vdnId, cooldownS: breakerCooldownS },
        'iSales keeps failing: calls of this operation for this VDN answer 503 until a probe succeeds',
      );
    });
    breaker.onReset(() => this.logger.log({ operation: this.operation, vdnId }, 'iSales answers again: calls of this operation for this VDN resumed'));
    this.circuits.set(vdnId, created);
    circuit = created;
    return circuit;
  }

  /** Forgets closed circuits nobody has entered since `before`: they hold no failures worth keeping. */
  private dropIdleCircuits(before: number): void {
    for (const [vdnId, circuit] of this.circuits) {
      if (circuit.state === CircuitState.Closed && circuit.active === 0 && circuit.usedAt < before) this.circuits.delete(vdnId);
    }
  }

  /** How many circuits this operation keeps now (tests). */
  get circuitCount(): number {
    return this.circuits.size;
  }
}
