import { eventually } from './support/eventually';
import { ProblemDetails } from '../src/common/errors/problem';
import { freePort } from './support/redis-server';
import { Gateway, requestGateway, startGateway, startSimulator, useReplicas } from './support/harness';
import { jsonInit } from './support/json-request';

const SERVERS = '/api/v1/vdns/1/file-servers';
const APPOINTMENTS = '/api/v1/vdns/1/appointments';
const server = (username: string) => ({ host: '10.1.2.3', port: 22, path: '/in', username, password: 'Pa55-word-x' });
let counter = 0;
const freshKey = () => `key-${process.pid}-${++counter}`;

// Idempotency-Key (docs/design.md section 13) on two replicas sharing one Redis, against the simulator.
describe('Idempotency-Key across replicas', () => {
  const replicas = useReplicas([{ ISALES_TIMEOUT_MS: '10000' }, { ISALES_TIMEOUT_MS: '10000' }]);
  const a = () => replicas.gateways[0];
  const b = () => replicas.gateways[1];
  beforeEach(() => {
    replicas.simulator.clearFaults();
    replicas.simulator.clearRequests();
  });

  const post = (gateway: Gateway, path: string, body: unknown, key?: string) =>
    requestGateway(gateway, path, jsonInit('POST', body, key === undefined ? {} : { 'idempotency-key': key }));
  const calls = (operation: string) => replicas.simulator.requests.filter((r) => r.operation === operation).length;

  it('makes one upstream call and gives one answer for the same key and body on two replicas', async () => {
    const key = freshKey();
    const body = server(`idem${counter}`);
    const first = await post(a(), SERVERS, body, key);
    const second = await post(b(), SERVERS, { ...body }, key);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(calls('addServer')).toBe(1);
  });

  it('answers 422 to the same key with another body, without calling iSales', async () => {
    const key = freshKey();
    expect((await post(a(), SERVERS, server(`first${counter}`), key)).status).toBe(201);
    const other = await post(b(), SERVERS, server(`other${counter}`), key);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await other.json()) as ProblemDetails).type).toBe('urn:isales-gateway:problem:idempotency-key-reused');
    expect(calls('addServer')).toBe(1);
  });

  it('answers 409 to a second request while the first is still running', async () => {
    replicas.simulator.setFault('appointCreate', { latencyMs: 1500 });
    const key = freshKey();
    const body = {
      type: 'manual',
      calledNumber: '13800000009',
      agent: '116',
      taskId: '1106025109',
      appointedAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const first = post(a(), APPOINTMENTS, body, key);
    // The simulator logs a request before its latency: from then on the first one is in flight.
    await eventually('the first create to reach the simulator', () => calls('appointCreate') > 0, 15000, 20);
    const second = await post(b(), APPOINTMENTS, body, key);
    expect(second.status).toBe(409);
    expect(second.headers.get('retry-after')).toBe('1');
    expect((await first).status).toBe(201);
    expect(calls('appointCreate')).toBe(1);
    const third = await post(b(), APPOINTMENTS, body, key);
    expect(third.status).toBe(201);
    expect(third.headers.get('idempotent-replayed')).toBe('true');
  });

  it('keeps a refusal from iSales, and a 503 from iSales (the create is not retried), for replay', async () => {
    replicas.simulator.setFault('addServer', { httpStatus: 503 });
    const key = freshKey();
    const body = server(`down${counter}`);
    const first = await post(a(), SERVERS, body, key);
    expect(first.status).toBe(502);
    expect(calls('addServer')).toBe(1);
    replicas.simulator.clearFaults();
    const again = await post(b(), SERVERS, body, key);
    expect(again.status).toBe(502);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const problem = (await again.json()) as ProblemDetails;
    expect(problem.upstream).toEqual({ code: 'HTTP 503', description: 'iSales answered HTTP 503' });
    expect(problem.requestId).toBe(again.headers.get('x-request-id'));
    expect(calls('addServer')).toBe(1);
  });

  it('releases the key when nothing was written (invalid input), so the corrected request goes through', async () => {
    const key = freshKey();
    const invalid = await post(a(), SERVERS, { ...server(`fix${counter}`), port: 0 }, key);
    expect(invalid.status).toBe(400);
    const corrected = await post(b(), SERVERS, server(`fix${counter}`), key);
    expect(corrected.status).toBe(201);
    expect(calls('addServer')).toBe(1);
  });

  it('scopes a key to its route and VDN, and writes twice without a key', async () => {
    const key = freshKey();
    expect((await post(a(), SERVERS, server(`scope${counter}`), key)).status).toBe(201);
    expect((await post(a(), '/api/v1/vdns/2/file-servers', server(`scope${counter}`), key)).status).toBe(201);
    expect((await post(a(), SERVERS, server(`nokey${counter}`))).status).toBe(201);
    expect((await post(a(), SERVERS, server(`nokey${counter}`))).status).toBe(400);
    expect(calls('addServer')).toBe(4);
  });

  it('refuses a malformed key before anything else', async () => {
    const response = await post(a(), SERVERS, server('x'), 'k'.repeat(256));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ProblemDetails).invalidParams).toEqual([{ name: 'Idempotency-Key', reason: expect.any(String) }]);
    expect(calls('addServer')).toBe(0);
  });

  it('logs a replay in the audit line', async () => {
    const key = freshKey();
    const since = a().logs.mark();
    await post(a(), SERVERS, server(`audit${counter}`), key);
    await post(a(), SERVERS, server(`audit${counter}`), key);
    const audit = since()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.audit === true);
    expect(audit).toEqual([
      expect.objectContaining({ operation: 'createFileServer', vdnId: 1, outcome: 'success', status: 201, target: expect.stringMatching(/^\d{30}$/) }),
      expect.objectContaining({ operation: 'createFileServer', outcome: 'success', replayed: true }),
    ]);
    expect(audit[0].target).toBe(audit[1].target);
  });
});

describe('Idempotency-Key without a reachable Redis', () => {
  it('refuses the write (503) rather than risk writing twice; without a key the write goes through', async () => {
    const simulator = await startSimulator();
    const gateway = await startGateway(simulator.url, { REDIS_URL: `redis://127.0.0.1:${await freePort()}/0` });
    try {
      const refused = await requestGateway(gateway, SERVERS, jsonInit('POST', server('noredis'), { 'idempotency-key': 'k1' }));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(((await refused.json()) as ProblemDetails).type).toBe('urn:isales-gateway:problem:idempotency-unavailable');
      expect(simulator.requests).toHaveLength(0);
      expect((await requestGateway(gateway, SERVERS, jsonInit('POST', server('noredis')))).status).toBe(201);
    } finally {
      await gateway.close();
      await simulator.close();
    }
  });
});
