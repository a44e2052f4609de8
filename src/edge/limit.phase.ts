import rateLimit from '@fastify/rate-limit';
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Cluster, Redis } from 'ioredis';
import { RateLimitedError } from '../auth/auth.errors';
import { fallbackStoreFor } from './rate-limit.store';
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
  const principal = request.auth?.principal;
  if (principal && principal.id !== 'anonymous') {
    const id = principal.id;
    return id.length <= MAX_PRINCIPAL_KEY ? id : `h:${createHash('sha256').update(id).digest('base64url')}`;
  }
  return `ip:${addressKey(request.clientAddress)}`;
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
  private constructor(private readonly spendBudget: (request: FastifyRequest, reply: FastifyReply) => Promise<void>) {}

  static async install(fastify: FastifyInstance, config: RateLimitConfig, redis: Redis | Cluster | null): Promise<LimitPhase> {
    await fastify.register(rateLimit, {
      global: false,
      max: config.max,
      timeWindow: config.windowS * 1000,
      enableDraftSpec: true,
      keyGenerator: rateLimitKey,
      ...(redis && { store: fallbackStoreFor(redis) }),
      skipOnError: true,
      onExceeded: () => recordRateLimitRejection(),
      errorResponseBuilder: (_request, context) => new RateLimitedError(Math.ceil(context.ttl / 1000), config.windowS),
    });
    return new LimitPhase(fastify.rateLimit() as (request: FastifyRequest, reply: FastifyReply) => Promise<void>);
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
