import { EnvReader } from './env-parser';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface HttpConfig {
  port: number;
  host: string;
  /** How long in-flight requests may take to finish after SIGTERM; keep it below the pod's grace period. */
  shutdownGraceMs: number;
}

export function readHttpConfig(env: EnvReader): HttpConfig {
  return {
    port: env.integer('PORT', 3000, 1, 65535),
    host: env.string('HOST', '0.0.0.0'),
    shutdownGraceMs: env.integer('SHUTDOWN_GRACE_MS', 20000, 0, 600000),
  };
}

export function readLogLevel(env: EnvReader): LogLevel {
  return env.oneOf('LOG_LEVEL', 'info', LOG_LEVELS);
}
