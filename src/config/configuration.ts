import { BusinessResultsCacheConfig, RedisConfig, readBusinessResultsCacheConfig, readRedisConfig } from './cache.config';
import { HttpConfig, LogLevel, readHttpConfig, readLogLevel } from './app.config';
import { Env, EnvReader } from './env-parser';
import { IsalesConfig, readIsalesConfig } from './isales.config';
import { AuthConfig, readAuthConfig } from './auth.config';
import { EdgeConfig, readEdgeConfig } from './edge.config';
import { IdempotencyConfig, readIdempotencyConfig } from './idempotency.config';
import { ResilienceConfig, readResilienceConfig } from './resilience.config';
import { readTelemetryConfig, TelemetryConfig } from './telemetry.config';
import { CallResultsConfig, readCallResultsConfig } from './call-results.config';

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  http: HttpConfig;
  logLevel: LogLevel;
  isales: IsalesConfig;
  redis: RedisConfig | null;
  businessResults: BusinessResultsCacheConfig;
  idempotency: IdempotencyConfig;
  auth: AuthConfig;
  edge: EdgeConfig;
  resilience: ResilienceConfig;
  telemetry: TelemetryConfig;
  callResults: CallResultsConfig;
}

function read(reader: EnvReader): AppConfig {
  return {
    http: readHttpConfig(reader),
    logLevel: readLogLevel(reader),
    isales: readIsalesConfig(reader),
    redis: readRedisConfig(reader),
    businessResults: readBusinessResultsCacheConfig(reader),
    idempotency: readIdempotencyConfig(reader),
    auth: readAuthConfig(reader),
    edge: readEdgeConfig(reader),
    resilience: readResilienceConfig(reader),
    telemetry: readTelemetryConfig(reader),
    callResults: readCallResultsConfig(reader),
  };
}

/** Reads and validates the whole configuration once, at boot; throws a ConfigError naming every variable at fault. */
export function loadConfig(env: Env = process.env): AppConfig {
  const reader = new EnvReader(env);
  const config = read(reader);
  reader.done();
  return config;
}

/** Every environment variable the gateway reads (deployment files are tested against this list). */
export function acceptedEnvironmentVariables(): string[] {
  const reader = new EnvReader({});
  read(reader);
  return [...reader.names].sort();
}
