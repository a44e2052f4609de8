import type { Cluster, Redis } from 'ioredis';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
// The plugin's own stores, used as its own constructor would (they are not re-exported by its index).
import LocalStore = require('@fastify/rate-limit/store/LocalStore');
import RedisStore = require('@fastify/rate-limit/store/RedisStore');

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * Counts in Redis, so that every replica spends one budget per principal; when a Redis command
 * fails (down, or slower than REDIS_COMMAND_TIMEOUT_MS), counts in this process instead, so an
 * outage loosens the limit to one budget per replica but never fails a request.
 */
export class RedisWithLocalFallbackStore implements FastifyRateLimitStore {
  constructor(
    private readonly shared: FastifyRateLimitStore,
    private readonly local: FastifyRateLimitStore,
  ) {}

  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    this.shared.incr(key, (error, result) => (error ? this.local.incr(key, callback, timeWindow, max) : callback(null, result)), timeWindow, max);
  }

  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    return new RedisWithLocalFallbackStore(this.shared.child(routeOptions), this.local.child(routeOptions));
  }
}

/** The store class the plugin instantiates (`new Store(options)`), counting in `redis` first. */
export function fallbackStoreFor(redis: Redis | Cluster): FastifyRateLimitStoreCtor {
  return class extends RedisWithLocalFallbackStore {
    constructor() {
      super(new RedisStore(false, false, redis, 'rate-limit:'), new LocalStore(false, false));
    }
  };
}

/** The store class the plugin instantiates when nothing is shared: counts in this process, as the plugin's default does. */
export function localStore(): FastifyRateLimitStoreCtor {
  return class extends LocalStore {
    constructor() {
      super(false, false);
    }
  };
}
