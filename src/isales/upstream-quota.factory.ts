import type { Cluster, Redis } from 'ioredis';
import { ResilienceConfig } from '../config/resilience.config';
import { RedisUpstreamQuota } from './redis-upstream-quota';
import { LocalUpstreamQuota, UpstreamQuota } from './upstream-quota';

/** ISALES_MAX_RPS unset: no quota; with Redis: shared by the fleet; without: per instance. */
export function createUpstreamQuota(config: ResilienceConfig, redis: Redis | Cluster | null): UpstreamQuota | null {
  if (config.maxRps === undefined) return null;
  return redis ? new RedisUpstreamQuota(redis, config.maxRps) : new LocalUpstreamQuota(config.maxRps);
}
