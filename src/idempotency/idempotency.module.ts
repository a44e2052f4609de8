import { Global, Module } from '@nestjs/common';
import { createRedisConnection } from '../cache/redis-connection';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency-store';
import { MemoryIdempotencyStore } from './memory-idempotency.store';
import { RedisIdempotencyStore } from './redis-idempotency.store';

/** Idempotency keys in the cache's Redis (the same REDIS_* settings), or in memory without Redis. */
@Global()
@Module({
  providers: [
    {
      provide: IdempotencyStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): IdempotencyStore =>
        config.redis ? new RedisIdempotencyStore(createRedisConnection(config.redis)) : new MemoryIdempotencyStore(),
    },
    IdempotencyInterceptor,
  ],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class IdempotencyModule {}
