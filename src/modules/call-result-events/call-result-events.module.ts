import { Module } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { REDIS_CONNECTION } from '../../cache/redis-connection';
import { AppConfig, APP_CONFIG } from '../../config/configuration';
import { CallbackGate } from '../../edge/callback-gate';
import { CallbackController } from './callback.controller';
import { CallResultEventsController } from './call-result-events.controller';
import { CallResultEventsService } from './call-result-events.service';
import { CallResultStore } from './call-result-store';
import { MemoryCallResultStore } from './memory-call-result.store';
import { RedisCallResultStore } from './redis-call-result.store';

/**
 * iSales' result callback in, call results out as events and pages (docs/design.md section 18).
 * The store shares the cache's Redis connection; without REDIS_* it lives in this process (demo).
 */
@Module({
  controllers: [CallbackController, CallResultEventsController],
  providers: [
    {
      provide: CallResultStore,
      inject: [REDIS_CONNECTION, APP_CONFIG],
      useFactory: (redis: Redis | Cluster | null, config: AppConfig): CallResultStore => {
        const { streamMaxLen: maxLen, streamMaxAgeS: maxAgeS, sseHeartbeatS } = config.callResults;
        return redis && config.redis
          ? new RedisCallResultStore(redis, config.redis, { maxLen, maxAgeS, blockMs: sseHeartbeatS * 1000 })
          : new MemoryCallResultStore({ maxLen, maxAgeS });
      },
    },
    {
      provide: CallbackGate,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new CallbackGate(config.callResults.callbackTokens, config.callResults.callbackSources),
    },
    CallResultEventsService,
  ],
  exports: [CallbackGate],
})
export class CallResultEventsModule {}
