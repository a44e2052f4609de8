import Redis, { Cluster, RedisOptions } from 'ioredis';
import { RedisConfig } from '../config/cache.config';

/**
 * One ioredis client for standalone (REDIS_URL), Sentinel or Cluster, through ioredis' own support.
 * Commands fail fast instead of queueing while disconnected, and time out after a short bound, so
 * a slow or absent Redis delays a request by at most commandTimeoutMs. Reconnection never stops,
 * so caching resumes by itself when Redis comes back.
 */
export function createRedisConnection(config: RedisConfig, options: { commandTimeoutMs?: number } = {}): Redis | Cluster {
  const common: RedisOptions = {
    // A connection that blocks (XREAD BLOCK) gives its own, longer bound.
    commandTimeout: options.commandTimeoutMs ?? config.commandTimeoutMs,
    connectTimeout: Math.max(1000, config.commandTimeoutMs),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
    keyPrefix: config.keyPrefix,
    lazyConnect: false,
  };
  switch (config.mode) {
    case 'standalone':
      return new Redis(config.url, { ...common, ...(config.password && { password: config.password }) });
    case 'sentinel':
      return new Redis({
        ...common,
        sentinels: config.sentinels,
        name: config.name,
        password: config.password,
        sentinelPassword: config.sentinelPassword,
        db: config.db,
        ...(config.tls && { tls: {}, enableTLSForSentinelMode: true }),
        sentinelRetryStrategy: (attempt) => Math.min(100 * attempt, 2000),
      });
    case 'cluster': {
      const { keyPrefix, ...redisOptions } = common;
      return new Cluster(config.nodes, {
        keyPrefix,
        enableOfflineQueue: false,
        clusterRetryStrategy: (attempt) => Math.min(100 * attempt, 2000),
        redisOptions: { ...redisOptions, password: config.password, ...(config.tls && { tls: {} }) },
      });
    }
  }
}
