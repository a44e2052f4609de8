import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Cluster, Redis } from 'ioredis';
import { RateLimitConfig } from '../config/edge.config';
import { RateLimitedError } from './auth.errors';
import { fallbackStoreFor } from './rate-limit.store';
import { recordRateLimitRejection } from '../telemetry/metrics';

/** Probes come every few seconds from the kubelet's one address: limiting them would restart pods. */
const UNLIMITED_PREFIX = '/health/';

/** The budget's owner: the principal once authenticated, else the client address (unknown or bad credentials). */
export function rateLimitKey(request: FastifyRequest): string {
  const principal = request.auth?.principal;
  return principal && principal.id !== 'anonymous' ? principal.id : `ip:${request.ip}`;
}

/**
 * RATE_LIMIT_MAX requests per RATE_LIMIT_WINDOW_S per principal, with the IETF draft's
 * `RateLimit-*` headers and `Retry-After`.
 *
 * @fastify/rate-limit rather than @nestjs/throttler: it is kept by the Fastify team for Fastify 5,
 * counts in Redis with one atomic script over the ioredis client the gateway already configures
 * (standalone, Sentinel or Cluster), and runs as a route hook, after the authentication hook has
 * named the principal and before the body is read; the throttler would need a Redis storage
 * written for Nest 12 by us and runs as a guard, after the whole Fastify lifecycle.
 */
export async function limitRequests(app: NestFastifyApplication, config: RateLimitConfig, redis: Redis | Cluster | null): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    max: config.max,
    timeWindow: config.windowS * 1000,
    enableDraftSpec: true,
    keyGenerator: rateLimitKey,
    allowList: (request) => request.url.startsWith(UNLIMITED_PREFIX),
    ...(redis && { store: fallbackStoreFor(redis) }),
    skipOnError: true,
    onExceeded: () => recordRateLimitRejection(),
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.ceil(context.ttl / 1000), config.windowS),
  });
}
