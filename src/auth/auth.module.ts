import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { assertAccessControlConfigured } from '../config/auth.config';
import { Authenticator } from './authenticator';

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
  ],
  exports: [Authenticator],
})
export class AuthModule {}
