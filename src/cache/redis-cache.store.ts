import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { CacheStore, CacheUnavailableError } from './cache-store';

const STARTUP_WAIT_MS = 2000;

/** Deletes the lock only while it still carries our token. */
const UNLOCK_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/** Extends the lock only while it still carries our token. */
const EXTEND_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/**
 * The shared store. Every failure (refused, disconnected, timed out) becomes CacheUnavailableError;
 * the degradation is logged once when it starts and once when Redis is back, never per request.
 * Invalidations travel over Redis pub/sub on `channel`, through a second connection that only
 * subscribes (a subscribed connection can run no other command).
 */
export class RedisCacheStore extends CacheStore {
  readonly kind = 'redis' as const;
  private readonly logger = new Logger('Cache');
  private degraded = false;
  private subscriber: Redis | Cluster | null = null;
  private subscribed = false;
  private firstSubscription: Promise<void> = Promise.resolve();
  private readonly listeners: Array<(key: string | null) => void> = [];

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly channel: string,
  ) {
    super();
    redis.on('ready', () => this.recovered());
    redis.on('error', (error: Error) => this.degrade(error.message));
    redis.on('end', () => this.degrade('connection closed'));
  }

  /**
   * Gives the connection (and the subscription, when someone listens) a moment to come up at boot,
   * so the first requests are not served as if Redis were down; past the bound the gateway starts
   * degraded and reconnects in the background.
   */
  async onModuleInit(): Promise<void> {
    const ready = this.redis.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => this.redis.once('ready', () => resolve()));
    await Promise.race([Promise.all([ready, this.firstSubscription]), sleep(STARTUP_WAIT_MS, undefined, { ref: false })]);
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
    try {
      const result = await command();
      this.recovered();
      return result;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.degrade(reason);
      throw new CacheUnavailableError(reason);
    }
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
    if (!this.subscriber) this.subscribe();
  }

  hearsInvalidations(): boolean {
    return this.subscribed;
  }

  /**
   * Subscribes on every (re)connection. Until the subscription is confirmed nothing counts as
   * heard; once it is, listeners hear `null`, since whatever was published meanwhile is lost.
   */
  private subscribe(): void {
    // Redis and Cluster both have duplicate(); their overloads differ only in optional arguments.
    const subscriber: Redis | Cluster = (this.redis as Redis).duplicate();
    this.subscriber = subscriber;
    let confirmFirst: () => void;
    this.firstSubscription = new Promise((resolve) => (confirmFirst = resolve));
    const lost = () => {
      this.subscribed = false;
    };
    subscriber.on('error', lost);
    subscriber.on('close', lost);
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(() => {
        this.subscribed = true;
        this.notify(null);
        confirmFirst();
      }, lost);
    });
    subscriber.on('message', (channel: string, key: string) => {
      if (channel === this.channel) this.notify(key);
    });
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

  async onModuleDestroy(): Promise<void> {
    // Closing is not an outage: no "Redis unavailable" warning on every rolling restart.
    for (const event of ['ready', 'error', 'end']) this.redis.removeAllListeners(event);
    this.redis.on('error', () => undefined);
    this.subscribed = false;
    const subscriber = this.subscriber;
    await Promise.all([this.redis.quit().catch(() => this.redis.disconnect()), subscriber?.quit().catch(() => subscriber.disconnect())]);
  }
}
