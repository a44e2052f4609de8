import rateLimit, { type FastifyRateLimitOptions, type FastifyRateLimitStore } from '@fastify/rate-limit';
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Cluster, Redis } from 'ioredis';
import { RateLimitedError } from '../auth/auth.errors';
import { fallbackStoreFor, localStore } from './rate-limit.store';
import { RateLimitConfig } from '../config/edge.config';
import { recordRateLimitRejection } from '../telemetry/metrics';
import { addressKey } from './client-address';
import { policyOf } from './route-policy';

/** A principal id longer than this (a JWT subject can be anything) is hashed: keys stay small. */
const MAX_PRINCIPAL_KEY = 96;

/**
 * The budget's owner, always of bounded size: the principal once authenticated, else the validated
 * client address (strangers, refused credentials, unmatched paths), an IPv6 client per /64.
 */
export function rateLimitKey(request: FastifyRequest): string {
  return rateLimitKeyOf(request.auth?.principal?.id, request.clientAddress);
}

/** rateLimitKey's budget owner from the principal's id (if authenticated) and the client address. */
export function rateLimitKeyOf(principalId: string | undefined, clientAddress: string): string {
  if (principalId !== undefined && principalId !== 'anonymous') {
    return principalId.length <= MAX_PRINCIPAL_KEY ? principalId : `h:${createHash('sha256').update(principalId).digest('base64url')}`;
  }
  return `ip:${addressKey(clientAddress)}`;
}

/** One request spent of a budget: how many were spent in the window, and when it ends. */
export interface Spent {
  current: number;
  ttlMs: number;
}

/**
 * Phase 4: RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_S per principal (or client address), with
 * the IETF draft's `RateLimit-*` headers and `Retry-After`. Runs for every request but the probes,
 * unmatched paths and refused credentials included (the admit phase spends their budget before it
 * answers).
 *
 * @fastify/rate-limit rather than @nestjs/throttler: it is kept by the Fastify team for Fastify 5,
 * counts in Redis with one atomic script over the ioredis client the gateway already configures
 * (standalone, Sentinel or Cluster); here its handler (`fastify.rateLimit()`) is called by this
 * phase rather than hooked per route, so that the pipeline decides when it runs.
 */
export class LimitPhase {
  private constructor(
    private readonly spendBudget: (request: FastifyRequest, reply: FastifyReply) => Promise<void>,
    private readonly store: FastifyRateLimitStore,
    readonly config: RateLimitConfig,
  ) {}

  static async install(fastify: FastifyInstance, config: RateLimitConfig, redis: Redis | Cluster | null): Promise<LimitPhase> {
    // The plugin builds its store (`new Store(options)`); the one it built is kept, so that the memory
    // lane (src/edge/memory-lane.ts) spends the same budgets through the store's public `incr`.
    const built: FastifyRateLimitStore[] = [];
    const Base = redis ? fallbackStoreFor(redis) : localStore();
    const Store = class extends Base {
      constructor(options: FastifyRateLimitOptions) {
        super(options);
        built.push(this);
      }
    };
    await fastify.register(rateLimit, {
      global: false,
      max: config.max,
      timeWindow: config.windowS * 1000,
      enableDraftSpec: true,
      keyGenerator: rateLimitKey,
      store: Store,
      skipOnError: true,
      onExceeded: () => recordRateLimitRejection(),
      errorResponseBuilder: (_request, context) => new RateLimitedError(Math.ceil(context.ttl / 1000), config.windowS),
    });
    if (built.length !== 1) throw new Error(`@fastify/rate-limit built ${built.length} stores, not one`);
    return new LimitPhase(fastify.rateLimit() as (request: FastifyRequest, reply: FastifyReply) => Promise<void>, built[0], config);
  }

  /**
   * Spends one request of `key`'s budget in the store the plugin counts in, as its handler does (a
   * store that fails counts as nothing spent, as with skipOnError); `done` may be called at once.
   */
  count(key: string, done: (spent: Spent) => void): void {
    this.store.incr(
      key,
      (error, result) => done(error || !result ? { current: 0, ttlMs: 0 } : { current: result.current, ttlMs: result.ttl }),
      this.config.windowS * 1000,
      this.config.max,
    );
  }

  /** Spends one request of the caller's budget; rejects with the 429 when it is gone. */
  readonly spend = (request: FastifyRequest, reply: FastifyReply): Promise<void> => this.spendBudget(request, reply);

  run(request: FastifyRequest, reply: FastifyReply): void | Promise<void> {
    // An admitted iSales push is not limited: refused, it would only be pushed again, and iSales
    // pushes as fast as its calls end. A wrong token was counted by the admit phase.
    if (policyOf(request)?.unlimited || request.callbackGrant) return;
    return this.spendBudget(request, reply);
  }
}
