import type { FastifyRequest } from 'fastify';
import { RateLimitedError } from '../auth/auth.errors';
import { recordRateLimitRejection } from '../telemetry/metrics';
import { addressKey } from './client-address';
import { policyOf } from './route-policy';

/** Probes one client address may send in a second: kubelet sends three kinds, each every few seconds. */
export const PROBES_PER_SECOND = 10;
/** Addresses counted at once; past it the oldest is forgotten, so a crowd of strangers costs fixed memory. */
export const PROBE_ADDRESSES_KEPT = 10_000;

/**
 * The health probes' own budget, with or without RATE_LIMIT_MAX: they skip the shared rate limit (a
 * probe must not wait on Redis, nor fail because the node's address spent its budget on API calls),
 * yet a stranger cannot send them without bound. Counted per client address in this process, in
 * one-second windows.
 */
export class ProbeBudget {
  private window = Number.NaN;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly perSecond = PROBES_PER_SECOND,
    private readonly addressesKept = PROBE_ADDRESSES_KEPT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends one probe of `address`; false when its second's budget is gone. */
  take(address: string): boolean {
    const second = Math.floor(this.now() / 1000);
    if (second !== this.window) {
      this.window = second;
      this.counts.clear();
    }
    const spent = this.counts.get(address);
    if (spent === undefined) {
      if (this.counts.size >= this.addressesKept) this.counts.delete(this.counts.keys().next().value!);
      this.counts.set(address, 1);
      return true;
    }
    if (spent >= this.perSecond) return false;
    this.counts.set(address, spent + 1);
    return true;
  }

  /** The pipeline's step: a probe (a route the limit phase skips) spends its address's budget, or is a 429. */
  readonly run = (request: FastifyRequest): void => {
    if (!policyOf(request)?.unlimited || this.take(addressKey(request.clientAddress))) return;
    recordRateLimitRejection();
    throw new RateLimitedError(1, 1);
  };
}
