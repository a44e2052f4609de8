import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { ProblemDetailsFilter } from './edge/problem-details.filter';
import { loggerOptions } from './telemetry/logger.options';
import { ConfigModule } from './config/config.module';
import { AppConfig } from './config/configuration';
import { IsalesModule } from './upstream/isales.module';
import { CacheModule } from './cache/cache.module';
import { RedisModule } from './redis/redis.module';
import { HealthModule } from './health/health.module';
import { BusinessResultsModule } from './modules/business-results/business-results.module';
import { BlacklistImportTasksModule } from './modules/blacklist-import-tasks/blacklist-import-tasks.module';
import { FileServersModule } from './modules/file-servers/file-servers.module';
import { AppointmentsModule } from './modules/appointments/appointments.module';
import { AuthModule } from './auth/auth.module';
import { EdgeModule } from './edge/edge.module';
import { TelemetryModule } from './telemetry/telemetry.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { CallResultsModule } from './modules/call-results/call-results.module';
import { CallDataModule } from './modules/call-data/call-data.module';
import { CampaignImportTasksModule } from './modules/campaign-import-tasks/campaign-import-tasks.module';
import { CampaignsModule } from './modules/campaigns/campaigns.module';
import { BlockedNumbersModule } from './modules/blocked-numbers/blocked-numbers.module';
import { CallResultEventsModule } from './modules/call-result-events/call-result-events.module';

export interface AppModuleOptions {
  /** Where logs go (stdout by default); tests pass an in-memory stream to assert on them. */
  logStream?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config.logLevel, options.logStream)),
        RedisModule,
        AuthModule,
        EdgeModule,
        IsalesModule,
        CacheModule,
        HealthModule,
        BusinessResultsModule,
        BlacklistImportTasksModule,
        FileServersModule,
        AppointmentsModule,
        TelemetryModule,
        IdempotencyModule,
        // Call results, call data and the campaigns' call-data import tasks.
        CallResultsModule,
        CallDataModule,
        CampaignImportTasksModule,
        // Campaigns and do-not-call numbers.
        CampaignsModule,
        BlockedNumbersModule,
        CallResultEventsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
