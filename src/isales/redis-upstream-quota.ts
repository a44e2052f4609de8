import { Logger } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { LocalUpstreamQuota, UpstreamQuota } from './upstream-quota';

/** One schedule for the whole fleet (ioredis adds REDIS_KEY_PREFIX). */
const KEY = 'isales-quota:v1';

/**
 * KEYS[1] holds when the next slot is free, in microseconds of Redis' own clock, so replicas with
 * skewed clocks share one schedule. ARGV: interval and longest acceptable wait, in microseconds.
 * Answers the wait in microseconds, or -1 without reserving anything.
 */
const RESERVE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local slot = math.max(tonumber(redis.call('GET', KEYS[1]) or 0), now)
local wait = slot - now
if wait > tonumber(ARGV[2]) then return -1 end
redis.call('SET', KEYS[1], slot + interval, 'PX', math.ceil((wait + interval) / 1000) + 1000)
return wait
`;

type WithReserve = { isalesQuotaReserve(key: string, intervalUs: number, maxWaitUs: number): Promise<number> };

/**
 * The fleet-wide quota in Redis. Redis being slow or down never fails a call: the quota then
 * applies per instance (logged once when it starts and once when Redis is back).
 */
export class RedisUpstreamQuota extends UpstreamQuota {
  private readonly logger = new Logger('UpstreamQuota');
  private readonly redis: WithReserve;
  private readonly intervalUs: number;
  private readonly local: LocalUpstreamQuota;
  private degraded = false;

  constructor(redis: Redis | Cluster, callsPerSecond: number) {
    super();
    redis.defineCommand('isalesQuotaReserve', { numberOfKeys: 1, lua: RESERVE_SCRIPT });
    this.redis = redis as unknown as WithReserve;
    this.intervalUs = Math.floor(1_000_000 / callsPerSecond);
    this.local = new LocalUpstreamQuota(callsPerSecond);
  }

  async reserve(maxWaitMs: number): Promise<number | null> {
    let waitUs: number;
    try {
      waitUs = await this.redis.isalesQuotaReserve(KEY, this.intervalUs, Math.floor(maxWaitMs * 1000));
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'Redis unavailable: the iSales quota applies per instance until it returns');
      }
      return this.local.reserve(maxWaitMs);
    }
    if (this.degraded) {
      this.degraded = false;
      this.logger.log('Redis available again: the iSales quota is shared by the fleet again');
    }
    return waitUs < 0 ? null : waitUs / 1000;
  }
}
