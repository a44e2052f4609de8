import type { AppConfig } from '../config/configuration';
import { eventually } from '../../test/support/eventually';
import { freePort, RedisProcess } from '../../test/support/redis-server';
import { RedisClients } from './redis-clients';
import { orUnavailable } from './redis-unavailable';

const configFor = (url: string | null) =>
  ({ redis: url === null ? null : { mode: 'standalone', url, keyPrefix: 'spec:', commandTimeoutMs: 1000 } }) as unknown as AppConfig;

describe('RedisClients', () => {
  it('makes no client without REDIS_*, and refuses a blocking connection', async () => {
    const clients = new RedisClients(configFor(null));
    expect(clients.shared).toBeNull();
    expect(clients.dedicated('idempotency')).toBeNull();
    expect(clients.subscribe('channel', { message: () => undefined, subscribed: () => undefined })).toBeNull();
    await expect(clients.openBlocking(5000)).rejects.toThrow('Redis is not configured');
    await clients.onModuleInit();
    await clients.onApplicationShutdown();
  });

  it('refuses a blocking connection that is not ready in time, and leaves nothing open', async () => {
    const clients = new RedisClients(configFor(`redis://127.0.0.1:${await freePort()}/0`));
    await expect(clients.openBlocking(5000)).rejects.toThrow('not ready');
    await clients.onApplicationShutdown();
  });

  describe('with a redis-server', () => {
    let redis: RedisProcess;
    beforeAll(async () => (redis = await RedisProcess.start()));
    afterAll(async () => redis?.stop());

    it('shares one command client, gives each name its own, waits for them at start-up and closes every one', async () => {
      const clients = new RedisClients(configFor(redis.url));
      const shared = clients.shared!;
      const idempotency = clients.dedicated('idempotency')!;
      expect(clients.shared).toBe(shared);
      expect(clients.dedicated('idempotency')).toBe(idempotency);
      expect(idempotency).not.toBe(shared);
      const heard: Array<string | null> = [];
      const subscription = clients.subscribe('spec:channel', { message: (text) => heard.push(text), subscribed: () => heard.push(null) })!;
      await clients.onModuleInit();
      expect([shared.status, idempotency.status, subscription.subscribed]).toEqual(['ready', 'ready', true]);

      await shared.publish('spec:channel', 'k1');
      await eventually('the subscription hears the message', () => heard.includes('k1'));
      expect(heard).toEqual([null, 'k1']);

      const blocking = await clients.openBlocking(5000);
      expect(blocking.status).toBe('ready');
      await clients.onApplicationShutdown();
      await eventually('every connection ended', () => [shared, idempotency, blocking].every((client) => client.status === 'end'));
      expect(subscription.subscribed).toBe(false);
    });
  });
});

describe('orUnavailable', () => {
  it("answers the command's result, or the caller's own error built from the failure's reason", async () => {
    await expect(
      orUnavailable(
        () => Promise.resolve(1),
        () => new Error('never'),
      ),
    ).resolves.toBe(1);
    const refused = orUnavailable(
      () => Promise.reject(new Error('Connection is closed.')),
      (reason) => new Error(`store unavailable: ${reason}`),
    );
    await expect(refused).rejects.toThrow('store unavailable: Connection is closed.');
  });
});
