import type { Cluster, Redis } from 'ioredis';
import { ResilienceConfig } from '../config/resilience.config';
import { RedisTokenSchedule } from './redis-token-schedule';
import { LocalTokenSchedule, UpstreamQuota } from './upstream-quota';

/** ISALES_MAX_RPS unset: no quota; with Redis: shared by the fleet; without: per instance. */
export function createUpstreamQuota(config: ResilienceConfig, redis: Redis | Cluster | null): UpstreamQuota | null {
  if (config.maxRps === undefined) return null;
  const schedule = redis ? new RedisTokenSchedule(redis, config.maxRps) : new LocalTokenSchedule(config.maxRps);
  return new UpstreamQuota(schedule, config.maxRps);
}
