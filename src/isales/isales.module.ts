import { Global, Module } from '@nestjs/common';
import { HttpModule, HttpService } from '@nestjs/axios';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { AxiosTransport } from './axios-transport';
import type { Cluster, Redis } from 'ioredis';
import { REDIS_CONNECTION } from '../cache/redis-connection';
import { IsalesClient } from './isales.client';
import { IsalesCredentials } from './isales-credentials.provider';
import { IsalesPolicies } from './isales-policies';
import { exportPolicyMetrics } from './isales-policies.metrics';
import { IsalesTransport } from './isales-transport';
import { createUpstreamQuota } from './upstream-quota.factory';

@Global()
@Module({
  imports: [HttpModule],
  providers: [
    {
      provide: IsalesTransport,
      inject: [HttpService, APP_CONFIG],
      useFactory: (http: HttpService, config: AppConfig) => new AxiosTransport(http, config.isales),
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
