import { Global, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import type { Cluster, Redis } from 'ioredis';
import { REDIS_CONNECTION } from '../cache/redis-connection';
import { IsalesClient } from './isales.client';
import { IsalesCredentials } from './isales-credentials.provider';
import { IsalesPolicies } from './isales-policies';
import { exportPolicyMetrics } from './isales-policies.metrics';
import { IsalesTransport } from './isales-transport';
import { createUpstreamQuota } from './upstream-quota.factory';
import { UndiciTransport } from './undici-transport';

@Global()
@Module({
  providers: [
    {
      provide: IsalesTransport,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new UndiciTransport(config.isales),
    },
    IsalesCredentials,
    {
      provide: IsalesPolicies,
      inject: [APP_CONFIG, REDIS_CONNECTION],
      useFactory: (config: AppConfig, redis: Redis | Cluster | null) => {
        const policies = new IsalesPolicies(config, createUpstreamQuota(config.resilience, redis));
        exportPolicyMetrics(policies);
        return policies;
      },
    },
    IsalesClient,
  ],
  exports: [IsalesClient, IsalesPolicies],
})
export class IsalesModule {}
