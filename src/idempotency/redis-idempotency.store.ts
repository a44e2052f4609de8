import type { Cluster, Redis } from 'ioredis';
import { orUnavailable } from '../redis/redis-unavailable';
import { IdempotencyStore, IdempotencyStoreUnavailableError } from './idempotency-store';

const CLAIM = "local v = redis.call('get', KEYS[1]) if v then return v end redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return false";
const SWAP = "if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) end return 0";
const REMOVE = "if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1]) end return 0";

/**
 * The keys on the Redis of the cache (same REDIS_* settings), through a connection of its own
 * (RedisClients' `idempotency`). Connection errors are not logged here: the cache's store already
 * reports the same Redis going away and coming back; what it costs writes is logged per refused request.
 */
export class RedisIdempotencyStore extends IdempotencyStore {
  constructor(private readonly redis: Redis | Cluster) {
    super();
  }

  private run<T>(command: () => Promise<T>): Promise<T> {
    return orUnavailable(command, (reason) => new IdempotencyStoreUnavailableError(reason));
  }

  protected async claim(key: string, value: string, ttlMs: number): Promise<string | null> {
    const current = await this.run(() => this.redis.eval(CLAIM, 1, key, value, ttlMs));
    return typeof current === 'string' ? current : null;
  }

  protected async swap(key: string, expected: string, next: string, ttlMs: number): Promise<void> {
    await this.run(() => this.redis.eval(SWAP, 1, key, expected, next, ttlMs));
  }

  protected async remove(key: string, expected: string): Promise<void> {
    await this.run(() => this.redis.eval(REMOVE, 1, key, expected));
  }
}
