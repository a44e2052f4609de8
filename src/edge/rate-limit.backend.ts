import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { createRedisConnection } from '../cache/redis-connection';
import { AppConfig, APP_CONFIG } from '../config/configuration';

/**
 * The Redis connection the rate limit counts in: the cache's configuration (REDIS_*), its own
 * connection, so that its lifetime and errors stay out of the cache's. `null` without Redis or
 * without a limit.
 */
@Injectable()
export class RateLimitBackend implements OnModuleDestroy {
  readonly redis: Redis | Cluster | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = config.redis && config.edge.rateLimit ? createRedisConnection(config.redis) : null;
    // An outage is handled per command (counted in memory instead); the cache already reports it.
    this.redis?.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    // Counters have nothing to flush; disconnect() also stops a reconnection loop in progress.
    this.redis?.disconnect();
  }
}
