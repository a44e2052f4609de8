import { Global, Module } from '@nestjs/common';
import { HttpModule, HttpService } from '@nestjs/axios';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { AxiosTransport } from './axios-transport';
import { IsalesClient } from './isales.client';
import { IsalesCredentials } from './isales-credentials.provider';
import { IsalesTransport } from './isales-transport';

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
    IsalesClient,
  ],
  exports: [IsalesClient],
})
export class IsalesModule {}
