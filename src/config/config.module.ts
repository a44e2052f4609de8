import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from './configuration';

/** Makes the configuration, validated once at boot, injectable as APP_CONFIG. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
