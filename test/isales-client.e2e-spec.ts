import { Logger } from '@nestjs/common';
import { createServer } from 'node:net';
import { Simulator } from '../simulator/simulator';
import { loadConfig } from '../src/config/configuration';
import { IsalesClient } from '../src/upstream/isales.client';
import { IsalesCredentials } from '../src/upstream/isales-credentials.provider';
import { IsalesError, IsalesUnreachableError } from '../src/upstream/isales.errors';
import { IsalesPolicies } from '../src/upstream/isales-policies';
import { UndiciTransport } from '../src/upstream/undici-transport';
import { startSimulator, TEST_AK, TEST_SK } from './support/harness';

// The real client, over the real transport, against the real simulator over HTTP.
function clientFor(baseUrl: string, env: Record<string, string> = {}) {
  // The breaker stays out of the way: this file checks how each single outcome is translated.
  const config = loadConfig({
    ISALES_BASE_URL: baseUrl,
    ISALES_AK: TEST_AK,
    ISALES_SK: TEST_SK,
    ISALES_TIMEOUT_MS: '500',
    ISALES_BREAKER_FAILURES: '1000',
    ...env,
  });
  const transport = new UndiciTransport(config.isales);
  return { client: new IsalesClient(config, transport, new IsalesCredentials(config), new IsalesPolicies(config, null)), transport };
}

async function failureOf(promise: Promise<unknown>): Promise<IsalesError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IsalesError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('IsalesClient against the simulator', () => {
  let simulator: Simulator;
  let client: IsalesClient;
  let transport: UndiciTransport;

  beforeAll(async () => {
    // The client's own debug and warning lines are asserted elsewhere (test/logging); here they are noise.
    Logger.overrideLogger(false);
    simulator = await startSimulator();
    ({ client, transport } = clientFor(simulator.url));
  });
  afterAll(async () => {
    await transport.onModuleDestroy();
    await simulator.close();
  });
  afterEach(() => {
    simulator.clearFaults();
    simulator.clearRequests();
  });

  it('reads the seed examples of VDN 1 from all four operations, signed as the simulator verifies', async () => {
    const tasks = await client.listImportTasks(1, { offset: 0, limit: 10, importTaskIds: ['164698362894300182038011895728'] });
    expect(tasks.items).toEqual([expect.objectContaining({ id: '164698362894300182038011895728', status: '2', errMsg: '' })]);
    const servers = await client.listFileServers(1, { offset: 0, limit: 10 });
    expect(servers.items).toHaveLength(5);
    expect(servers.items[0]).toEqual({ port: null, ip: null, filePath: null, userName: '10', serverId: '164681924997097701747271557174' });
    const results = await client.listBusinessResults(1, { pageNum: 1, pageSize: 50 });
    expect(results.total).toBe(3);
    expect(results.items.map((r) => r.code)).toEqual(['11111', 'test', '15105671']);
    const appointments = await client.listAppointments(1, { offset: 0, limit: 10, taskId: '1106025109' });
    expect(appointments.total).toBe(4);
    expect(appointments.items[0]).toMatchObject({ appointId: '174730253678826340158055543045', appointTime: 1747302523000 });
    expect(simulator.requests.every((r) => r.authorized)).toBe(true);
  });

  it('signs the campaign pages’ GET with a query, PUT and DELETE without a body, as the simulator verifies', async () => {
    const campaigns = await client.listCampaigns(1, { status: 0, deviceType: 0, curPage: 1, rowsPerPage: 10 });
    expect(campaigns.total).toBe(5);
    expect(campaigns.items[0]).toMatchObject({ id: 46, status: 1 });
    expect(await client.getCampaign(1, 1106025109)).toMatchObject({ id: 1106025109, status: 2, skillParam: { skillId: 2 } });
    await client.pauseCampaign(1, 1106025109);
    await client.resumeCampaign(1, 1106025109);
    await client.deleteAllBlockedNumbers(9999);
    expect(simulator.requests.map((r) => [r.method, r.path.replace('/rest/isales/v1/openapi/campaigns/', ''), r.body, r.authorized])).toEqual([
      ['GET', '1', '', true],
      ['GET', '1/1106025109', '', true],
      ['PUT', '1/1106025109/pause', '', true],
      ['PUT', '1/1106025109/resume', '', true],
      ['DELETE', '9999/blocklist', '', true],
    ]);
  });

  it('sends the exact signed bytes: compact JSON, the documented Content-Type, Host as host:port', async () => {
    await client.listFileServers(1, { offset: 20, limit: 10, serverIds: ['1'] });
    const [request] = simulator.requests;
    expect(request.body).toBe('{"offset":20,"limit":10,"serverIds":["1"]}');
    expect(request.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(request.headers.host).toBe(new URL(simulator.url).host);
    expect(request.headers.authorization).toBe('[redacted]');
  });

  it('passes a 30-digit id through unchanged', async () => {
    const page = await client.listImportTasks(1, { offset: 0, limit: 1, importTaskIds: ['164698362894300182038011895728'] });
    expect(page.items[0].id).toBe('164698362894300182038011895728');
  });

  it('reads a response without count (api-notes 1.1) as total null', async () => {
    const quiet = await startSimulator({ dropCount: true, dropReturnCode: true });
    const { client: c, transport: t } = clientFor(quiet.url);
    try {
      const page = await c.listFileServers(1, { offset: 0, limit: 10 });
      expect(page.total).toBeNull();
      expect(page.items).toHaveLength(5);
    } finally {
      await t.onModuleDestroy();
      await quiet.close();
    }
  });

  it.each([
    ['an undocumented business code', { resultCode: '0299999', resultDesc: 'odd' }, 502, 'upstream-unknown-code'],
    ['a documented business code', { resultCode: '0200033', resultDesc: 'gone' }, 404, 'upstream-not-found'],
    ['HTTP 500', { httpStatus: 500 }, 502, 'upstream-error'],
    ['HTTP 503', { httpStatus: 503 }, 502, 'upstream-error'],
    ['HTTP 401', { httpStatus: 401 }, 502, 'upstream-auth-failed'],
    ['HTTP 429', { httpStatus: 429 }, 429, 'upstream-rate-limited'],
    ['a dropped connection', { drop: true }, 502, 'upstream-unreachable'],
    ['a malformed body', { malformed: true }, 502, 'upstream-bad-response'],
    ['no answer', { hang: true }, 504, 'upstream-timeout'],
  ])('turns %s into a typed error', async (_name, fault, status, slug) => {
    simulator.setFault('queryServer', fault);
    const error = await failureOf(client.listFileServers(1, { offset: 0, limit: 10 }));
    expect(error.status).toBe(status);
    expect(error.slug).toBe(slug);
    expect(error.operation).toBe('queryServer');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(TEST_SK);
  });

  it('answers 429 with a retry hint', async () => {
    simulator.setFault('appointList', { resultCode: '0200022', resultDesc: 'too fast' });
    const error = await failureOf(client.listAppointments(1, { offset: 0, limit: 10 }));
    expect(error.status).toBe(429);
    expect(error.retryAfterS).toBe(1);
  });

  it('gets 401 from the simulator with the wrong SK, which is a 502 for callers', async () => {
    const { client: wrong, transport: t } = clientFor(simulator.url, { ISALES_SK: 'not-the-secret' });
    try {
      const error = await failureOf(wrong.listFileServers(1, { offset: 0, limit: 10 }));
      expect(error.status).toBe(502);
      expect(error.slug).toBe('upstream-auth-failed');
      expect(simulator.requests.at(-1)?.authorized).toBe(false);
    } finally {
      await t.onModuleDestroy();
    }
  });

  it('treats a refused connection as unreachable', async () => {
    const port = await closedPort();
    const { client: refused, transport: t } = clientFor(`http://127.0.0.1:${port}`);
    try {
      const error = await failureOf(refused.listFileServers(1, { offset: 0, limit: 10 }));
      expect(error.slug).toBe('upstream-unreachable');
      expect(error.status).toBe(502);
      // Certainly never sent: the one failure after which even a write may be sent again.
      expect((error as IsalesUnreachableError).refused).toBe(true);
    } finally {
      await t.onModuleDestroy();
    }
  });

  it('tells a dropped connection (the request may have arrived) from a refused one', async () => {
    simulator.setFault('queryServer', { drop: true });
    const error = await failureOf(client.listFileServers(1, { offset: 0, limit: 10 }));
    expect(error).toBeInstanceOf(IsalesUnreachableError);
    expect((error as IsalesUnreachableError).refused).toBe(false);
  });

  it('signs correctly when the base URL ends with a slash', async () => {
    const { client: prefixed, transport: t } = clientFor(`${simulator.url}/`);
    try {
      await expect(prefixed.listFileServers(1, { offset: 0, limit: 1 })).resolves.toMatchObject({ total: 5 });
    } finally {
      await t.onModuleDestroy();
    }
  });

  it('reads one call result (null when iSales sends none), writes a business result back, lists a campaign\u2019s import tasks', async () => {
    expect(await client.getCallResult(1, '1644464743-1388')).toMatchObject({ callId: '1644464743-1388', callStatus: '6' });
    expect(await client.getCallResult(1, '0023-134864174')).toMatchObject({ callStatus: 6 });
    expect(await client.getCallResult(1, 'no-such-call')).toBeNull();
    await client.writeBusinessResult(1, 1001, { busiResult: '11111', subStatus: '12324' });
    const tasks = await client.listCallDataImportTasks(1, '3', { offset: 0, limit: 10 });
    expect(tasks).toEqual({ items: [expect.objectContaining({ status: '2', blackNum: 0 })], total: 1 });
    expect(simulator.requests.map((r) => `${r.method} ${r.path} ${r.status} ${r.resultCode}`)).toEqual([
      'GET /rest/isales/v1/openapi/campaigns/1/callresultdetail/1644464743-1388 200 0200000',
      'GET /rest/isales/v1/openapi/campaigns/1/callresultdetail/0023-134864174 200 0200000',
      'GET /rest/isales/v1/openapi/campaigns/1/callresultdetail/no-such-call 200 0200000',
      'POST /rest/isales/v1/openapi/campaigns/1/callBusiResult/1001 200 0200000',
      'POST /rest/isales/v1/openapi/campaigns/1/calldatafile/queryDataImportTask/3 200 0200000',
    ]);
  });

  it('names subStatus in the error of a 0200034; 0200033 and 0200007 are 404s', async () => {
    const mismatch = await failureOf(client.writeBusinessResult(1, 1001, { busiResult: '11111', subStatus: '754646' }));
    expect(mismatch).toMatchObject({ status: 400, upstream: { code: '0200034' }, invalidParams: [{ name: 'subStatus', reason: expect.any(String) }] });
    expect(await failureOf(client.writeBusinessResult(1, 424242, { busiResult: '11111' }))).toMatchObject({ status: 404, upstream: { code: '0200033' } });
    expect(await failureOf(client.listCallDataImportTasks(1, '77', { offset: 0, limit: 10 }))).toMatchObject({ status: 404, upstream: { code: '0200007' } });
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
