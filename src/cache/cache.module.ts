import { Global, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { CacheStore } from './cache-store';
import { MemoryCacheStore } from './memory-cache.store';
import type { Cluster, Redis } from 'ioredis';
import { createRedisConnection, REDIS_CONNECTION } from './redis-connection';
import { RedisCacheStore } from './redis-cache.store';

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Redis | Cluster | null => (config.redis ? createRedisConnection(config.redis) : null),
    },
    {
      provide: CacheStore,
      inject: [REDIS_CONNECTION, APP_CONFIG],
      useFactory: (redis: Redis | Cluster | null, config: AppConfig): CacheStore =>
        redis && config.redis ? new RedisCacheStore(redis, `${config.redis.keyPrefix}invalidations`) : new MemoryCacheStore(),
    },
  ],
  exports: [CacheStore, REDIS_CONNECTION],
})
export class CacheModule {}
