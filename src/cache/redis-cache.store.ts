import { Logger } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import type { RedisClients } from '../redis/redis-clients';
import type { RedisSubscription } from '../redis/redis-subscription';
import { orUnavailable } from '../redis/redis-unavailable';
import { CacheStore, CacheUnavailableError } from './cache-store';

/** Deletes the lock only while it still carries our token. */
const UNLOCK_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/** Extends the lock only while it still carries our token. */
const EXTEND_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/**
 * The shared store. Every failure (refused, disconnected, timed out) becomes CacheUnavailableError;
 * the degradation is logged once when it starts and once when Redis is back, never per request.
 * Invalidations travel over Redis pub/sub on `channel` (a subscription of RedisClients, which also
 * waits for it at start-up).
 */
export class RedisCacheStore extends CacheStore {
  readonly kind = 'redis' as const;
  private readonly logger = new Logger('Cache');
  private degraded = false;
  private subscription: RedisSubscription | null = null;
  private readonly listeners: Array<(key: string | null) => void> = [];

  private readonly onReady = () => this.recovered();
  private readonly onError = (error: Error) => this.degrade(error.message);
  private readonly onEnd = () => this.degrade('connection closed');

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly clients: RedisClients,
    private readonly channel: string,
  ) {
    super();
    redis.on('ready', this.onReady);
    redis.on('error', this.onError);
    redis.on('end', this.onEnd);
  }

  private degrade(reason: string): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn({ reason }, 'Redis unavailable: serving business results from iSales until it returns');
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.log('Redis available again: caching resumed');
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    const result = await orUnavailable(command, (reason) => {
      this.degrade(reason);
      return new CacheUnavailableError(reason);
    });
    this.recovered();
    return result;
  }

  hmget(key: string, fields: readonly string[]): Promise<Array<string | null>> {
    return this.run(() => this.redis.hmget(key, ...fields));
  }

  async hset(key: string, fields: Readonly<Record<string, string>>, ttlMs: number): Promise<void> {
    await this.run(() => this.redis.multi().del(key).hset(key, fields).pexpire(key, ttlMs).exec());
  }

  async del(key: string): Promise<void> {
    await this.run(() => this.redis.del(key));
  }

  async tryLock(key: string, token: string, ttlMs: number): Promise<boolean> {
    return (await this.run(() => this.redis.set(key, token, 'PX', ttlMs, 'NX'))) === 'OK';
  }

  async extendLock(key: string, token: string, ttlMs: number): Promise<boolean> {
    return (await this.run(() => this.redis.eval(EXTEND_SCRIPT, 1, key, token, ttlMs))) === 1;
  }

  async unlock(key: string, token: string): Promise<void> {
    await this.run(() => this.redis.eval(UNLOCK_SCRIPT, 1, key, token));
  }

  async publishInvalidation(key: string): Promise<void> {
    await this.run(() => this.redis.publish(this.channel, key));
  }

  onInvalidation(listener: (key: string | null) => void): void {
    this.listeners.push(listener);
    // Once subscribed (again), listeners hear `null`: whatever was published meanwhile is lost.
    this.subscription ??= this.clients.subscribe(this.channel, { message: (key) => this.notify(key), subscribed: () => this.notify(null) });
  }

  hearsInvalidations(): boolean {
    return this.subscription?.subscribed ?? false;
  }

  private notify(key: string | null): void {
    for (const listener of this.listeners) listener(key);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  /** Closing is not an outage: no "Redis unavailable" warning on every rolling restart (RedisClients closes the connections). */
  onModuleDestroy(): void {
    this.redis.removeListener('ready', this.onReady);
    this.redis.removeListener('error', this.onError);
    this.redis.removeListener('end', this.onEnd);
  }
}
