import { EnvReader } from './env-parser';

/** The policy chain in front of every iSales call (docs/design.md section 9). */
export interface ResilienceConfig {
  /** Retries after the first attempt (transport failures, 5xx, 429 only). */
  retries: number;
  /** Full-jitter exponential backoff: retry n waits a random time below base * 2^(n-1). */
  retryBaseMs: number;
  /** Bound on a whole call, retries included; undefined means ISALES_TIMEOUT_MS (see callDeadlineMs). */
  deadlineMs: number | undefined;
  /** Consecutive failed calls (transport, timeout, 5xx) that open an operation's breaker. */
  breakerFailures: number;
  /** How long an open breaker answers 503 before one probe call may pass. */
  breakerCooldownS: number;
  /** Calls to iSales in flight per instance, and calls waiting for a slot. */
  maxConcurrency: number;
  maxQueue: number;
  /**
   * Each VDN's share of those (docs/design.md section 15): calls of one VDN in flight and waiting.
   * By default a quarter of the instance's, so a tenant over its share leaves room for the others.
   */
  maxConcurrencyPerVdn: number;
  maxQueuePerVdn: number;
  /** Calls per second of the whole fleet to iSales; undefined means no quota. */
  maxRps: number | undefined;
}

export function readResilienceConfig(env: EnvReader): ResilienceConfig {
  const deadline = env.optionalString('ISALES_DEADLINE_MS');
  const maxRps = env.optionalString('ISALES_MAX_RPS');
  const maxConcurrency = env.integer('ISALES_MAX_CONCURRENCY', 64, 1, 10000);
  const maxQueue = env.integer('ISALES_MAX_QUEUE', 256, 0, 100000);
  return {
    retries: env.integer('ISALES_RETRIES', 2, 0, 10),
    retryBaseMs: env.integer('ISALES_RETRY_BASE_MS', 100, 1, 60000),
    deadlineMs: deadline === undefined ? undefined : env.integer('ISALES_DEADLINE_MS', 0, 1, 600000),
    breakerFailures: env.integer('ISALES_BREAKER_FAILURES', 5, 1, 1000),
    breakerCooldownS: env.integer('ISALES_BREAKER_COOLDOWN_S', 10, 1, 3600),
    maxConcurrency,
    maxQueue,
    maxConcurrencyPerVdn: env.integer('ISALES_MAX_CONCURRENCY_PER_VDN', Math.max(1, Math.floor(maxConcurrency / 4)), 1, 10000),
    maxQueuePerVdn: env.integer('ISALES_MAX_QUEUE_PER_VDN', Math.floor(maxQueue / 4), 0, 100000),
    maxRps: maxRps === undefined ? undefined : env.integer('ISALES_MAX_RPS', 0, 1, 100000),
  };
}

/** ISALES_DEADLINE_MS, which defaults to ISALES_TIMEOUT_MS: by default a hung attempt is not retried, a refused one is. */
export function callDeadlineMs(config: { isales: { timeoutMs: number }; resilience: ResilienceConfig }): number {
  return config.resilience.deadlineMs ?? config.isales.timeoutMs;
}
