import { eventually } from './support/eventually';
import { once } from 'node:events';
import { connect, Socket } from 'node:net';
import type Redis from 'ioredis';
import { Simulator } from '../simulator/simulator';
import { RateLimitBackend } from '../src/edge/rate-limit.backend';
import { Gateway, startGateway, startSimulator, TEST_API_KEY } from './support/harness';
import { jsonInit } from './support/json-request';
import { RedisProcess } from './support/redis-server';

const PROTECTED = '/api/v1/vdns/1/file-servers';
let counter = 0;
const requestId = () => `edge-${process.pid}-${++counter}`;

/** A request as a stranger sends it: no credentials, whatever headers it likes (not held to the contract: it is refused). */
function stranger(gateway: Gateway, path: string, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<Response> {
  return fetch(gateway.url + path, { ...init, headers });
}

/** The gateway's log line for one request, by its id. */
function logLine(gateway: Gateway, id: string): Record<string, unknown> & { raw: string } {
  const raw = gateway.logs.lines.find((line) => line.includes(`"requestId":"${id}"`) && line.includes('request completed'));
  if (!raw) throw new Error(`no log line for ${id}`);
  return { ...(JSON.parse(raw) as Record<string, unknown>), raw };
}

/** The replica's rate-limit connection is up (before it, counting falls back to memory). */
async function connected(gateway: Gateway): Promise<Gateway> {
  const redis = gateway.app.get(RateLimitBackend).redis!;
  if (redis.status !== 'ready') await once(redis, 'ready');
  return gateway;
}

async function usedMemory(client: Redis): Promise<number> {
  const info = await client.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

/** Runs `count` calls of `send`, `concurrency` at a time. */
async function flood(count: number, concurrency: number, send: (i: number) => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const response = await send(next++);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

/** A raw connection that sends `head` and then whatever the test writes; collects what comes back. */
class RawConnection {
  readonly socket: Socket;
  received = '';
  closed = false;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (this.received += chunk));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined);
  }

  static async open(baseUrl: string, head: string): Promise<RawConnection> {
    const { hostname, port } = new URL(baseUrl);
    const socket = connect(Number(port), hostname);
    await once(socket, 'connect');
    socket.write(head);
    return new RawConnection(socket);
  }

  /** Resolves when `done()` holds, or after `limitMs` (then `done()` is simply false). */
  async until(done: () => boolean, limitMs: number): Promise<boolean> {
    await eventually('a condition on the connection', done, limitMs, 20).catch(() => undefined);
    return done();
  }
}

// docs/design.md section 14: what a stranger can make the gateway do, keep or wait for is bounded.
describe('the edge under hostile traffic', () => {
  let simulator: Simulator;
  let redis: RedisProcess;
  let client: Redis;
  let untrusting: Gateway;
  let trusting: Gateway;
  let plain: Gateway;

  beforeAll(async () => {
    simulator = await startSimulator();
    redis = await RedisProcess.start();
    client = redis.client();
    const limited = { RATE_LIMIT_MAX: '10', RATE_LIMIT_WINDOW_S: '60', REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: '5000' };
    untrusting = await connected(await startGateway(simulator.url, limited));
    trusting = await connected(await startGateway(simulator.url, { ...limited, TRUST_PROXY: '127.0.0.1,::1' }));
    // The body limit of the report (1 MiB), so that depth, not size, is what refuses the bodies below.
    plain = await startGateway(simulator.url, { HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_BODY_LIMIT_BYTES: '1048576' });
  });
  afterAll(async () => {
    for (const gateway of [untrusting, trusting, plain]) await gateway?.close();
    client?.disconnect();
    await redis?.stop();
    await simulator?.close();
  });
  beforeEach(async () => {
    await client.flushall();
    simulator.clearRequests();
  });

  it('limits strangers by their real address: a spoofed X-Forwarded-For buys nothing, a trusted proxy\u2019s is per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await stranger(untrusting, PROTECTED, { 'x-forwarded-for': `198.51.100.${i + 1}` })).status);
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429, 429, 429]);

    const forwarded: number[] = [];
    for (let i = 0; i < 14; i++) forwarded.push((await stranger(trusting, PROTECTED, { 'x-forwarded-for': `198.51.100.${i + 1}` })).status);
    expect(forwarded).toEqual(Array<number>(14).fill(401));
    const repeated: number[] = [];
    for (let i = 0; i < 11; i++) repeated.push((await stranger(trusting, PROTECTED, { 'x-forwarded-for': '203.0.113.50' })).status);
    expect(repeated.slice(-1)).toEqual([429]);

    const id = requestId();
    await stranger(trusting, PROTECTED, { 'x-forwarded-for': '192.0.2.77, 127.0.0.1', 'x-request-id': id });
    const line = logLine(trusting, id);
    expect(line).toMatchObject({ client: '192.0.2.77', status: 401, authFailure: 'missing-credentials' });
    expect(line.raw.match(/"requestId"/g)).toHaveLength(1);
    const direct = requestId();
    await stranger(untrusting, PROTECTED, { 'x-forwarded-for': '192.0.2.77', 'x-request-id': direct });
    expect(logLine(untrusting, direct)).toMatchObject({ client: '127.0.0.1' });
  });

  it.each([
    ['off', () => untrusting],
    ['for loopback', () => trusting],
  ])('keeps Redis flat under 2000 strangers with 12 KB junk X-Forwarded-For (TRUST_PROXY %s)', async (_name, gateway) => {
    const before = await usedMemory(client);
    const junk = (i: number) => `${i}-${'z'.repeat(12 * 1024)}`.slice(0, 12 * 1024);
    const statuses = await flood(2000, 16, (i) => stranger(gateway(), PROTECTED, { 'x-forwarded-for': junk(i) }));
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
    expect((await usedMemory(client)) - before).toBeLessThan(1024 * 1024);
    expect(await client.dbsize()).toBeLessThanOrEqual(1);
  });

  it('limits unmatched paths too, and logs an 8 KB URL as a short line', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await stranger(untrusting, `/wp-admin/${i}.php`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array<number>(10).fill(404));
    expect(statuses.slice(10)).toEqual(Array<number>(5).fill(429));

    const id = requestId();
    await stranger(plain, `/nothing/${'a'.repeat(8000)}`, { 'x-request-id': id });
    const line = logLine(plain, id);
    expect(line.raw.length).toBeLessThan(1200);
    expect(String(line.url).length).toBeLessThanOrEqual(515);
  });

  it('refuses a stranger\u2019s POST before its body: the 401 arrives while the body is still unsent', async () => {
    const connection = await RawConnection.open(
      plain.url,
      `POST ${PROTECTED} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n`,
    );
    try {
      expect(await connection.until(() => connection.received.includes('\r\n\r\n'), 10_000)).toBe(true);
      expect(connection.received).toMatch(/^HTTP\/1\.1 401 /);
      expect(connection.received).toContain('application/problem+json');
    } finally {
      connection.socket.destroy();
    }
  });

  it.each([
    ['an unmatched path', '/api/v1/nowhere', 404],
    ['a path without that method', '/health/live', 405],
  ])('answers %s before its body: nothing a stranger sends there is read or parsed', async (_what, path, status) => {
    const connection = await RawConnection.open(
      plain.url,
      `PUT ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n`,
    );
    try {
      expect(await connection.until(() => connection.received.includes('\r\n\r\n'), 10_000)).toBe(true);
      expect(connection.received).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(connection.received).toContain('application/problem+json');
    } finally {
      connection.socket.destroy();
    }
  });

  it('closes an authenticated body that trickles past HTTP_REQUEST_TIMEOUT_MS', async () => {
    const connection = await RawConnection.open(
      plain.url,
      `POST ${PROTECTED} HTTP/1.1\r\nHost: x\r\nX-API-Key: ${TEST_API_KEY}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{`,
    );
    try {
      // One byte every 250 ms would take 50 s; the gateway (2 s timeout) must cut it long before.
      let sent = 1;
      const trickle = setInterval(() => {
        if (!connection.closed && sent < 199) connection.socket.write(' ', () => undefined);
        sent++;
      }, 250);
      const cut = await connection.until(() => connection.closed || connection.received.length > 0, 30_000);
      clearInterval(trickle);
      expect(cut).toBe(true);
      expect(sent).toBeLessThan(199);
      if (connection.received) expect(connection.received).toMatch(/^HTTP\/1\.1 408 /);
      expect(simulator.requests).toHaveLength(0);
    } finally {
      connection.socket.destroy();
    }
  });

  it('answers deeply nested write bodies with 400 or 413, never 500', async () => {
    const post = (body: string) => plain.fetch(PROTECTED, jsonInit('POST', body));
    const nested = `${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`.slice(0, 1024 * 1024);
    expect([400, 413]).toContain((await post(nested)).status);
    // With the default limit (64 KiB), the same body is refused by its Content-Length before a byte is read.
    expect((await untrusting.fetch(PROTECTED, jsonInit('POST', nested))).status).toBe(413);
    // Business results take up to HTTP_BODY_LIMIT_BYTES (100 children), so there depth, not size, refuses the array.
    const deep = await plain.fetch('/api/v1/vdns/1/business-results', jsonInit('POST', `${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ status: 400, invalidParams: [{ name: 'body' }] });
    const deepWithin = `{"host":"10.0.0.1","port":22,"path":"/in","username":"u","password":"Pa55-word-x","x":${'['.repeat(40)}${']'.repeat(40)}}`;
    expect((await post(deepWithin)).status).toBe(400);
    expect(simulator.requests).toHaveLength(0);
  });

  it('limits each write to what it takes: 8 KiB for a file server, 16 KiB for an appointment, unread beyond', async () => {
    const server = (padding: number) => ({ host: '10.0.0.1', port: 22, path: '/in', username: 'u', password: `Pa55-${'x'.repeat(padding)}` });
    expect((await plain.fetch(PROTECTED, jsonInit('POST', server(9 * 1024)))).status).toBe(413);
    // Just under the limit the body is read and judged by its rules (the password is too long: a 400, not a 413).
    const judged = await plain.fetch(PROTECTED, jsonInit('POST', server(7 * 1024)));
    expect(judged.status).toBe(400);
    expect(await judged.json()).toMatchObject({ invalidParams: [{ name: 'password' }] });
    const appointment = {
      type: 'manual',
      calledNumber: '123',
      agent: 'a1',
      campaignId: '1',
      appointedAt: '2030-01-01T00:00:00Z',
      remark: 'r'.repeat(17 * 1024),
    };
    expect((await plain.fetch('/api/v1/vdns/1/appointments', jsonInit('POST', appointment))).status).toBe(413);
    expect(simulator.requests).toHaveLength(0);
  });

  it('refuses connections beyond HTTP_MAX_CONNECTIONS and serves again once they close', async () => {
    const bounded = await startGateway(simulator.url, { HTTP_MAX_CONNECTIONS: '2' });
    const held: RawConnection[] = [];
    try {
      for (let i = 0; i < 2; i++) held.push(await RawConnection.open(bounded.url, ''));
      const third = await RawConnection.open(bounded.url, 'GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(await third.until(() => third.closed, 10_000)).toBe(true);
      expect(third.received).toBe('');
      for (const connection of held) connection.socket.destroy();
      await Promise.all(held.map((connection) => connection.until(() => connection.closed, 5000)));
      // The server counts a connection until it has seen it close: ask until it has.
      let status = 0;
      const serves = async () => {
        status = await stranger(bounded, '/health/live', { connection: 'close' }).then(
          (response) => response.status,
          () => 0,
        );
        return status === 200;
      };
      await eventually('the gateway to serve again', serves, 5000, 100).catch(() => undefined);
      expect(status).toBe(200);
    } finally {
      for (const connection of held) connection.socket.destroy();
      await bounded.close();
    }
  });

  it('scopes an Idempotency-Key by the parsed VDN: /vdns/2 and /vdns/02 make one upstream create', async () => {
    const key = `edge-key-${process.pid}`;
    const body = { host: '10.1.2.3', port: 22, path: '/in', username: `edge${process.pid}`, password: 'Pa55-word-x' };
    const first = await plain.fetch('/api/v1/vdns/2/file-servers', jsonInit('POST', body, { 'idempotency-key': key }));
    const second = await plain.fetch('/api/v1/vdns/02/file-servers', jsonInit('POST', body, { 'idempotency-key': key }));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(simulator.requests.filter((r) => r.operation === 'addServer')).toHaveLength(1);
  });
});
