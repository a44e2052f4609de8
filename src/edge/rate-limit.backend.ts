import { Inject, Injectable } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { RedisClients } from '../redis/redis-clients';

/**
 * The Redis connection the rate limit counts in: the cache's configuration (REDIS_*), its own
 * connection, so that its lifetime and errors stay out of the cache's. `null` without Redis or
 * without a limit. An outage is handled per command (counted in memory instead); the cache already
 * reports it.
 */
@Injectable()
export class RateLimitBackend {
  readonly redis: Redis | Cluster | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig, clients: RedisClients) {
    this.redis = config.edge.rateLimit ? clients.dedicated('rate-limit') : null;
  }
}
