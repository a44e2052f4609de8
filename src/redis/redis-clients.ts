import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Cluster, Redis } from 'ioredis';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { RedisConfig } from '../config/cache.config';
import { createRedisConnection } from './redis-connection';
import { readyWithin } from './redis-unavailable';
import { RedisSubscription, SubscriptionHandlers } from './redis-subscription';

/**
 * How long the start-up waits for the connections (and subscriptions) to come up, so the first
 * requests are not served as if Redis were down; past it the gateway starts degraded and the
 * connections keep reconnecting in the background.
 */
const STARTUP_WAIT_MS = 2000;
/** How long a new blocking connection may take to become ready before its caller is refused. */
const BLOCKING_READY_MS = 2000;

/**
 * Every Redis client of the gateway, made from REDIS_* and closed here: the shared command client,
 * a command client of its own for each consumer whose lifetime and errors stay apart from the
 * others', subscriptions, and blocking connections (XREAD BLOCK). Without REDIS_* there are none
 * (null), and each consumer uses its in-memory fallback. Consumers handle outages per command
 * (src/redis/redis-unavailable.ts); a connection's own 'error' events are not theirs to log.
 */
@Injectable()
export class RedisClients implements OnModuleInit, OnApplicationShutdown {
  private readonly config: RedisConfig | null;
  private readonly named = new Map<string, Redis | Cluster>();
  /** The command clients and subscriptions' connections: closed with QUIT at shutdown. */
  private readonly lasting = new Set<Redis | Cluster>();
  private readonly subscriptions: RedisSubscription[] = [];
  private readonly blocking = new Set<Redis | Cluster>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.config = config.redis ?? null;
  }

  /** The command client most consumers share (the cache, the call-result store, the iSales quota). */
  get shared(): Redis | Cluster | null {
    return this.dedicated('shared');
  }

  /** A command client of `name`'s own, with the same settings; one per name. */
  dedicated(name: string): Redis | Cluster | null {
    if (!this.config) return null;
    let client = this.named.get(name);
    if (!client) {
      client = this.connect(this.config);
      this.named.set(name, client);
      this.lasting.add(client);
    }
    return client;
  }

  /** Subscribes `channel` through a connection of its own (one per call). */
  subscribe(channel: string, handlers: SubscriptionHandlers): RedisSubscription | null {
    if (!this.config) return null;
    const connection = this.connect(this.config);
    this.lasting.add(connection);
    const subscription = new RedisSubscription(connection, channel, handlers);
    this.subscriptions.push(subscription);
    return subscription;
  }

  /**
   * A connection that blocks (XREAD BLOCK), so one per reader, with a command timeout above its
   * block time. Rejects when Redis is not configured or the connection is not ready in time. The
   * caller closes it with disconnect(); whatever is still open at shutdown is closed here.
   */
  async openBlocking(commandTimeoutMs: number): Promise<Redis | Cluster> {
    if (!this.config) throw new Error('Redis is not configured');
    const connection = this.connect(this.config, commandTimeoutMs);
    this.blocking.add(connection);
    connection.once('end', () => this.blocking.delete(connection));
    if (await readyWithin(connection, BLOCKING_READY_MS)) return connection;
    connection.disconnect();
    throw new Error('not ready');
  }

  private connect(config: RedisConfig, commandTimeoutMs?: number): Redis | Cluster {
    const client = createRedisConnection(config, { commandTimeoutMs });
    client.on('error', () => undefined);
    return client;
  }

  /** The one start-up wait: every connection made while the modules were built, and every first subscription. */
  async onModuleInit(): Promise<void> {
    const up = Promise.all([
      ...[...this.lasting].map((client) => readyWithin(client, STARTUP_WAIT_MS)),
      ...this.subscriptions.map((subscription) => subscription.firstConfirmed),
    ]);
    await Promise.race([up, sleep(STARTUP_WAIT_MS, undefined, { ref: false })]);
  }

  async onApplicationShutdown(): Promise<void> {
    // A blocked connection would answer QUIT only after its block: it is cut instead.
    for (const connection of this.blocking) connection.disconnect();
    await Promise.all([...this.lasting].map((client) => client.quit().catch(() => client.disconnect())));
  }
}
