import { accessSync, constants } from 'node:fs';
import { EnvReader } from './env-parser';
import { IsalesCredentialsConfig, readIsalesCredentialsConfig } from './isales-credentials.config';
import { readTenantTimeZones, TenantTimeZones } from './isales-time-zones.config';

export interface IsalesConfig {
  /** e.g. https://10.22.26.181:28080; paths are appended to it. */
  baseUrl: URL;
  /** The AK/SK pairs and which VDN each signs for (docs/design.md section 12). Secret: never logged. */
  credentials: IsalesCredentialsConfig;
  timeoutMs: number;
  tlsCaFile?: string;
  tlsRejectUnauthorized: boolean;
  /** The zone of each tenant's zone-less iSales times (docs/isales/call-results-choices.md §1). */
  timeZones: TenantTimeZones;
}

export function readIsalesConfig(env: EnvReader): IsalesConfig {
  const baseUrl = env.url('ISALES_BASE_URL', ['http:', 'https:'], { required: true });
  const tlsCaFile = env.optionalString('ISALES_TLS_CA_FILE');
  if (tlsCaFile !== undefined) {
    try {
      accessSync(tlsCaFile, constants.R_OK);
    } catch {
      env.problem('ISALES_TLS_CA_FILE', 'is not a readable file');
    }
  }
  return {
    baseUrl: baseUrl ?? new URL('http://invalid.invalid'),
    credentials: readIsalesCredentialsConfig(env),
    timeoutMs: env.integer('ISALES_TIMEOUT_MS', 10000, 1, 600000),
    tlsCaFile,
    tlsRejectUnauthorized: env.boolean('ISALES_TLS_REJECT_UNAUTHORIZED', true),
    timeZones: readTenantTimeZones(env),
  };
}
