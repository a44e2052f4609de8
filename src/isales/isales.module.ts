import { Global, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { IsalesClient } from './isales.client';
import { IsalesTransport } from './isales-transport';
import { UndiciTransport } from './undici-transport';

@Global()
@Module({
  providers: [
    {
      provide: IsalesTransport,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new UndiciTransport(config.isales),
    },
    IsalesClient,
  ],
  exports: [IsalesClient],
})
export class IsalesModule {}
