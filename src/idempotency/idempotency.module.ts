import { Global, Module } from '@nestjs/common';
import { RedisClients } from '../redis/redis-clients';
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
      inject: [RedisClients],
      useFactory: (clients: RedisClients): IdempotencyStore => {
        const redis = clients.dedicated('idempotency');
        return redis ? new RedisIdempotencyStore(redis) : new MemoryIdempotencyStore();
      },
    },
    IdempotencyInterceptor,
  ],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class IdempotencyModule {}
