import { Global, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { CacheStore } from './cache-store';
import { MemoryCacheStore } from './memory-cache.store';
import { RedisClients } from '../redis/redis-clients';
import { RedisCacheStore } from './redis-cache.store';

@Global()
@Module({
  providers: [
    {
      provide: CacheStore,
      inject: [RedisClients, APP_CONFIG],
      useFactory: (clients: RedisClients, config: AppConfig): CacheStore => {
        const redis = clients.shared;
        return redis && config.redis ? new RedisCacheStore(redis, clients, `${config.redis.keyPrefix}invalidations`) : new MemoryCacheStore();
      },
    },
  ],
  exports: [CacheStore],
})
export class CacheModule {}
