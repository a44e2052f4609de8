import { Global, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { RedisClients } from '../redis/redis-clients';
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
      inject: [APP_CONFIG, RedisClients],
      useFactory: (config: AppConfig, clients: RedisClients) => {
        const policies = new IsalesPolicies(config, createUpstreamQuota(config.resilience, clients.shared));
        exportPolicyMetrics(policies);
        return policies;
      },
    },
    IsalesClient,
  ],
  exports: [IsalesClient, IsalesPolicies],
})
export class IsalesModule {}
