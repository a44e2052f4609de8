import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { assertAccessControlConfigured } from '../config/auth.config';
import { Authenticator } from './authenticator';
import { RateLimitBackend } from './rate-limit.backend';

@Global()
@Module({
  providers: [
    {
      provide: Authenticator,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Authenticator => {
        assertAccessControlConfigured(config.auth);
        if (config.auth.disabled) {
          new Logger('Auth').warn('AUTH_DISABLED=true: every caller may read every VDN; never do this in front of real tenants');
        }
        return new Authenticator(config.auth);
      },
    },
    RateLimitBackend,
  ],
  exports: [Authenticator, RateLimitBackend],
})
export class AuthModule {}
