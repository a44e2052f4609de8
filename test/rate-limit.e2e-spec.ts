import { once } from 'node:events';
import { RateLimitBackend } from '../src/edge/rate-limit.backend';
import { apiKeysWith, Gateway, startGateway, useReplicas } from './support/harness';
import { RedisProcess } from './support/redis-server';

const PATH = '/api/v1/vdns/1/file-servers';
const OTHER_KEY = 'second-service-key-71ac';
const API_KEYS = apiKeysWith({ id: 'second', key: OTHER_KEY, vdns: '*', scopes: ['isales:read'] });
// A generous command timeout: a busy machine must not make a replica fall back to counting alone.
const LIMIT = { RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_S: '60', AUTH_API_KEYS: API_KEYS, REDIS_COMMAND_TIMEOUT_MS: '5000' };

/** The replica's rate-limit connection is up (before it, counting falls back to memory). */
async function connected(gateway: Gateway): Promise<Gateway> {
  const redis = gateway.app.get(RateLimitBackend).redis!;
  if (redis.status !== 'ready') await once(redis, 'ready');
  return gateway;
}

// Two replicas sharing one real redis-server spend one budget per principal.
describe('rate limits', () => {
  const replicas = useReplicas([LIMIT, LIMIT], { ready: connected });

  it('shares one budget per principal across replicas, with RateLimit-* headers, then answers 429 problems', async () => {
    const [a, b] = replicas.gateways;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await (i % 2 ? b : a).fetch(PATH);
      statuses.push(response.status);
      expect(response.headers.get('ratelimit-limit')).toBe('5');
      expect(response.headers.get('ratelimit-remaining')).toBe(String(4 - i));
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const calls = replicas.simulator.requests.length;

    const refused = await b.fetch(PATH);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    const body = await refused.json();
    expect(body).toMatchObject({ type: 'urn:isales-gateway:problem:rate-limited', status: 429, requestId: refused.headers.get('x-request-id') });
    expect(replicas.simulator.requests.length).toBe(calls);

    // Another principal has its own budget; probes are never limited.
    expect((await a.fetch(PATH, { headers: { 'x-api-key': OTHER_KEY } })).status).toBe(200);
    expect((await a.fetch('/health/live')).status).toBe(200);
  });

  it('limits callers without valid credentials by their address', async () => {
    const [a, b] = replicas.gateways;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? b : a).fetch(PATH, { headers: { 'x-api-key': `guess-${i}` } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('keeps answering when Redis is gone, counting in memory', async () => {
    const own = await RedisProcess.start();
    const gateway = await startGateway(replicas.simulator.url, { ...LIMIT, RATE_LIMIT_MAX: '3', REDIS_URL: own.url });
    try {
      await own.stop();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await gateway.fetch(PATH, { headers: { 'x-api-key': OTHER_KEY } })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await gateway.close();
    }
  });
});
