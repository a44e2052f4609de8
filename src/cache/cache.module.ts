import { Global, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { CacheStore } from './cache-store';
import { MemoryCacheStore } from './memory-cache.store';
import { createRedisConnection } from './redis-connection';
import { RedisCacheStore } from './redis-cache.store';

@Global()
@Module({
  providers: [
    {
      provide: CacheStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): CacheStore =>
        config.redis
          ? new RedisCacheStore(createRedisConnection(config.redis), `${config.redis.keyPrefix}invalidations`)
          : new MemoryCacheStore(),
    },
  ],
  exports: [CacheStore],
})
export class CacheModule {}
