import { ConfigError } from './env-parser';
import { acceptedEnvironmentVariables, loadConfig } from './configuration';
import { callDeadlineMs } from './resilience.config';

const minimal = { ISALES_BASE_URL: 'https://10.22.26.181:28080', ISALES_AK: 'ak', ISALES_SK: 'sk' };

describe('resilience configuration (design section 9)', () => {
  it('applies the documented defaults, the deadline being ISALES_TIMEOUT_MS', () => {
    const config = loadConfig({ ...minimal, ISALES_TIMEOUT_MS: '7000' });
    expect(config.resilience).toEqual({
      retries: 2,
      retryBaseMs: 100,
      deadlineMs: undefined,
      breakerFailures: 5,
      breakerCooldownS: 10,
      maxConcurrency: 64,
      maxQueue: 256,
      maxConcurrencyPerVdn: 16,
      maxQueuePerVdn: 64,
      maxRps: undefined,
    });
    expect(callDeadlineMs(config)).toBe(7000);
  });

  it('gives each VDN a quarter of the instance\u2019s bulkhead by default (one call in flight at least)', () => {
    expect(loadConfig({ ...minimal, ISALES_MAX_CONCURRENCY: '40', ISALES_MAX_QUEUE: '10' }).resilience).toMatchObject({
      maxConcurrencyPerVdn: 10,
      maxQueuePerVdn: 2,
    });
    expect(loadConfig({ ...minimal, ISALES_MAX_CONCURRENCY: '2', ISALES_MAX_QUEUE: '0' }).resilience).toMatchObject({
      maxConcurrencyPerVdn: 1,
      maxQueuePerVdn: 0,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...minimal,
      ISALES_RETRIES: '0',
      ISALES_RETRY_BASE_MS: '50',
      ISALES_DEADLINE_MS: '25000',
      ISALES_BREAKER_FAILURES: '3',
      ISALES_BREAKER_COOLDOWN_S: '30',
      ISALES_MAX_CONCURRENCY: '8',
      ISALES_MAX_QUEUE: '0',
      ISALES_MAX_CONCURRENCY_PER_VDN: '3',
      ISALES_MAX_QUEUE_PER_VDN: '5',
      ISALES_MAX_RPS: '20',
    });
    expect(config.resilience).toEqual({
      retries: 0,
      retryBaseMs: 50,
      deadlineMs: 25000,
      breakerFailures: 3,
      breakerCooldownS: 30,
      maxConcurrency: 8,
      maxQueue: 0,
      maxConcurrencyPerVdn: 3,
      maxQueuePerVdn: 5,
      maxRps: 20,
    });
    expect(callDeadlineMs(config)).toBe(25000);
  });

  it('names each bad value', () => {
    let problems: readonly string[] = [];
    try {
      loadConfig({ ...minimal, ISALES_RETRIES: '-1', ISALES_DEADLINE_MS: '0', ISALES_MAX_CONCURRENCY: 'many', ISALES_MAX_RPS: '0' });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['ISALES_DEADLINE_MS', 'ISALES_MAX_CONCURRENCY', 'ISALES_MAX_RPS', 'ISALES_RETRIES']);
  });

  it('accepts all of them', () => {
    const byPolicy = {
      retry: ['ISALES_RETRIES', 'ISALES_RETRY_BASE_MS', 'ISALES_DEADLINE_MS'],
      breaker: ['ISALES_BREAKER_FAILURES', 'ISALES_BREAKER_COOLDOWN_S'],
      bulkheads: ['ISALES_MAX_CONCURRENCY', 'ISALES_MAX_QUEUE', 'ISALES_MAX_CONCURRENCY_PER_VDN', 'ISALES_MAX_QUEUE_PER_VDN'],
      quota: ['ISALES_MAX_RPS'],
    };
    expect(acceptedEnvironmentVariables()).toEqual(expect.arrayContaining(Object.values(byPolicy).flat()));
  });
});
