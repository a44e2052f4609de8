import { Logger } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { LocalTokenSchedule, TokenSchedule } from './upstream-quota';

/** One schedule for the whole fleet (ioredis adds REDIS_KEY_PREFIX). */
const KEY = 'isales-quota:v1';

/**
 * KEYS[1] holds when the next token is due, in microseconds of Redis' own clock, so replicas with
 * skewed clocks share one schedule. ARGV[1]: the interval in microseconds. Answers 0 when it took
 * the token, else the microseconds until it is due.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local due = tonumber(redis.call('GET', KEYS[1]) or 0)
if due > now then return due - now end
local interval = tonumber(ARGV[1])
redis.call('SET', KEYS[1], now + interval, 'PX', math.ceil(interval / 1000) + 1000)
return 0
`;

type WithTake = { isalesQuotaTake(key: string, intervalUs: number): Promise<number> };

/**
 * The fleet-wide schedule in Redis. Redis being slow or down never fails a call: the schedule of
 * this instance takes over (logged once when it starts and once when Redis is back).
 */
export class RedisTokenSchedule implements TokenSchedule {
  private readonly logger = new Logger('UpstreamQuota');
  private readonly redis: WithTake;
  private readonly intervalUs: number;
  private readonly local: LocalTokenSchedule;
  private degraded = false;

  constructor(redis: Redis | Cluster, callsPerSecond: number) {
    redis.defineCommand('isalesQuotaTake', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    this.redis = redis as unknown as WithTake;
    this.intervalUs = Math.floor(1_000_000 / callsPerSecond);
    this.local = new LocalTokenSchedule(callsPerSecond);
  }

  async take(): Promise<number> {
    let waitUs: number;
    try {
      waitUs = await this.redis.isalesQuotaTake(KEY, this.intervalUs);
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn(
          { reason: error instanceof Error ? error.message : String(error) },
          'Redis unavailable: the iSales quota applies per instance until it returns',
        );
      }
      return this.local.take();
    }
    if (this.degraded) {
      this.degraded = false;
      this.logger.log('Redis available again: the iSales quota is shared by the fleet again');
    }
    return waitUs / 1000;
  }
}
