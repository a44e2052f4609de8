import { Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../config/configuration';
import { CallbackGate } from '../../edge/callback-gate';
import { RedisClients } from '../../redis/redis-clients';
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
      inject: [RedisClients, APP_CONFIG],
      useFactory: (clients: RedisClients, config: AppConfig): CallResultStore => {
        const { streamMaxLen: maxLen, streamMaxAgeS: maxAgeS, sseHeartbeatS } = config.callResults;
        const redis = clients.shared;
        return redis
          ? new RedisCallResultStore(redis, clients, { maxLen, maxAgeS, blockMs: sseHeartbeatS * 1000 })
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
