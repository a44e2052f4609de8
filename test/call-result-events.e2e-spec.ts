import { createHash } from 'node:crypto';
import { connect, type Server, type Socket } from 'node:net';
import { CALLBACK_EXAMPLE } from '../simulator/callbacks';
import { once } from 'node:events';
import { apiKeysWith, Gateway, startGateway, startSimulator, TEST_AK, TEST_API_KEY, TEST_SK, useReplicas } from './support/harness';
import { PROCESS_TEST_TIMEOUT_MS, startGatewayProcess } from './support/gateway-process';
import { SseReader, waitFor } from './support/sse-reader';
import { scrape } from './support/metrics-scrape';

const TOKEN = 'cb-token-0123456789abcdef0123456789';
const VDN1_KEY = 'e2e-key-vdn-1-only-0123456789';
/** The status of a POST that declares a large body and sends none: only an answer given before reading the body arrives. */
function statusWithoutBody(gateway: Gateway, path: string): Promise<number> {
  const { hostname, port } = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`POST ${path} HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\ncontent-length: 10000000\r\n\r\n[`),
    );
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', reject);
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const ENV = {
  ISALES_CALLBACK_TOKENS: JSON.stringify([{ id: 'tenant-a', token: sha256(TOKEN), vdns: [1, 2, 3, 4, 5, 6, 7] }]),
  AUTH_API_KEYS: apiKeysWith({ id: 'vdn1', key: VDN1_KEY, vdns: [1], scopes: ['isales:read'] }),
  CALL_RESULT_SSE_MAX_PER_PRINCIPAL: '3',
  CALL_RESULT_SSE_HEARTBEAT_S: '1',
};

interface KeptPage {
  items: { id: string; record: { callId: string; vdnId: number; campaignId: string; status: string; calledAt: string } }[];
  next: string | null;
}

describe('call results as events (iSales callback -> Redis stream -> SSE)', () => {
  const replicas = useReplicas([ENV, ENV], { simulator: { callbacks: { maxPushes: 6, retryIntervalMs: 300, timeoutMs: 5000 } } });
  let a: Gateway;
  let b: Gateway;
  beforeAll(() => ([a, b] = replicas.gateways));
  const readers: SseReader[] = [];

  const callbackUrl = (gateway: Gateway, token = TOKEN) => `${gateway.url}/callbacks/isales/call-results/${token}`;
  const open = (gateway: Gateway, vdnId: number, headers: Record<string, string> = { 'x-api-key': TEST_API_KEY }, query = '') => {
    const reader = new SseReader(`${gateway.url}/api/v1/vdns/${vdnId}/call-results/events${query}`, headers);
    readers.push(reader);
    return reader;
  };
  const kept = async (gateway: Gateway, vdnId: number): Promise<KeptPage['items']> => {
    const items: KeptPage['items'] = [];
    let since = '';
    for (;;) {
      const response = await gateway.fetch(`/api/v1/vdns/${vdnId}/call-results?pageSize=100${since && `&since=${since}`}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as KeptPage;
      items.push(...page.items);
      if (page.items.length === 0) return items;
      since = page.next!;
    }
  };
  /** The callback page's example record, as VDN `vdnId`'s call `callId`. */
  const record = (vdnId: number, callId: string, extra: Record<string, unknown> = {}) => ({ ...CALLBACK_EXAMPLE, vdnId, callId, ...extra });
  const post = (gateway: Gateway, body: unknown, token = TOKEN) =>
    fetch(callbackUrl(gateway, token), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  afterEach(() => {
    for (const reader of readers.splice(0)) reader.close();
    replicas.simulator.callbacks.clearPushes();
  });

  it('delivers 100 results pushed over two replicas exactly once, and exactly the 20 missed after a reconnect with Last-Event-ID', async () => {
    replicas.simulator.callbacks.setUrl(1, '31', callbackUrl(a));
    replicas.simulator.callbacks.setUrl(1, '32', callbackUrl(b));
    const reader = open(a, 1);
    await reader.opened();
    expect(reader.status).toBe(200);
    expect(reader.headers['content-type']).toMatch(/^text\/event-stream/);
    await waitFor(() => reader.comments > 0, 5000, 'the stream to open');

    const ended = [...replicas.simulator.callbacks.endedCalls(1, '31', 50), ...replicas.simulator.callbacks.endedCalls(1, '32', 50)];
    await Promise.all([
      replicas.simulator.callbacks.push(1, '31', ended.slice(0, 50), true),
      replicas.simulator.callbacks.push(1, '32', ended.slice(50), true),
    ]);
    expect(replicas.simulator.callbacks.pushes.filter((push) => push.accepted)).toHaveLength(100);
    await waitFor(() => reader.events.length >= 100, 20000, '100 events');
    const ids = reader.events.map((event) => (JSON.parse(event.data) as { callId: string }).callId);
    expect(new Set(ids).size).toBe(100);
    expect(new Set(ids)).toEqual(new Set(ended.map((call) => call.callId)));
    const first = JSON.parse(reader.events[0].data) as Record<string, unknown>;
    expect(first).toMatchObject({ vdnId: 1, status: 'succeeded', calledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/) });
    expect(reader.events.every((event) => event.event === 'call-result' && /^\d+-\d+$/.test(event.id!))).toBe(true);
    // A call that ended in the simulator is also what the REST route (callresultdetail) answers, by the same name.
    const detail = (await (await a.fetch(`/api/v1/vdns/1/call-results/${ended[0].callId}`)).json()) as Record<string, unknown>;
    expect(detail).toMatchObject({ callId: ended[0].callId, status: 'succeeded', calledNumber: first.calledNumber });

    reader.close();
    const last = reader.lastEventId!;
    const missed = replicas.simulator.callbacks.endedCalls(1, '32', 20);
    await replicas.simulator.callbacks.push(1, '32', missed, true);
    const again = open(b, 1, { 'x-api-key': TEST_API_KEY, 'last-event-id': last });
    await waitFor(() => again.events.length >= 20, 20000, '20 events');
    await waitFor(() => again.comments > 1, 5000, 'a heartbeat');
    expect(again.events.map((event) => (JSON.parse(event.data) as { callId: string }).callId).sort()).toEqual(missed.map((call) => call.callId).sort());
    expect(again.events).toHaveLength(20);
  });

  it('keeps a record pushed 3 times once, and streams it once', async () => {
    const reader = open(b, 2);
    await waitFor(() => reader.comments > 0, 5000, 'the stream to open');
    replicas.simulator.callbacks.setUrl(2, '3', callbackUrl(a));
    const same = [record(2, '0023-134864174')];
    for (let i = 0; i < 3; i++) await replicas.simulator.callbacks.push(2, '3', same);
    expect(replicas.simulator.callbacks.pushes.map((push) => push.accepted)).toEqual([true, true, true]);
    const marker = record(2, 'marker-1');
    await replicas.simulator.callbacks.push(2, '3', [marker]);
    await waitFor(() => reader.events.length >= 2, 10000, 'the marker');
    expect(reader.events.map((event) => (JSON.parse(event.data) as { callId: string }).callId)).toEqual(['0023-134864174', 'marker-1']);
    expect((await kept(a, 2)).map((item) => item.record.callId)).toEqual(['0023-134864174', 'marker-1']);
  });

  it('answers a push non-200 while Redis is down, and keeps the re-push once Redis is back', async () => {
    replicas.simulator.callbacks.setUrl(3, '3', callbackUrl(a));
    await replicas.redis.stop();
    const pushed = replicas.simulator.callbacks.push(3, '3', [record(3, 'during-outage')]);
    await waitFor(() => replicas.simulator.callbacks.pushes.length >= 1, 10000, 'the first push');
    const refused = replicas.simulator.callbacks.pushes[0];
    expect(refused.accepted).toBe(false);
    expect(refused.status).toBe(503);
    await replicas.redis.start();
    await pushed;
    const pushes = replicas.simulator.callbacks.pushes;
    expect(pushes[pushes.length - 1].accepted).toBe(true);
    expect((await kept(b, 3)).map((item) => item.record.callId)).toEqual(['during-outage']);
  });

  it('answers a wrong token 404 before reading the body, stores nothing, and 2000 such pushes grow Redis by less than 1 MB', async () => {
    const client = replicas.redis.client();
    try {
      const before = await client.dbsize();
      const wrong = await post(a, [record(4, 'wrong-token')], 'not-the-token');
      expect(wrong.status).toBe(404);
      // The answer comes before the body: a push declaring 10 MB and sending none of it gets its 404.
      expect(await statusWithoutBody(a, `/callbacks/isales/call-results/${'x'.repeat(40)}`)).toBe(404);
      const memoryBefore = Number(/used_memory:(\d+)/.exec(await client.info('memory'))![1]);
      for (let i = 0; i < 2000; i += 50) {
        const answers = await Promise.all(Array.from({ length: 50 }, (_, j) => post(i % 100 === 0 ? a : b, [record(4, `w-${i + j}`)], `guess-${i + j}`)));
        expect(answers.every((answer) => answer.status === 404)).toBe(true);
      }
      const memoryAfter = Number(/used_memory:(\d+)/.exec(await client.info('memory'))![1]);
      expect(memoryAfter - memoryBefore).toBeLessThan(1024 * 1024);
      expect(await client.dbsize()).toBe(before);
      expect(await kept(a, 4)).toEqual([]);
    } finally {
      client.disconnect();
    }
  }, 120000);

  it('counts wrong tokens against the client address like any stranger (429 once its budget is spent)', async () => {
    const limited = await startGateway(replicas.simulator.url, { ...ENV, REDIS_URL: replicas.redis.url, RATE_LIMIT_MAX: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(limited, [record(4, 'x')], `guess-${i}`)).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
    } finally {
      await limited.close();
    }
  });

  it('admits a push only from ISALES_CALLBACK_SOURCES, the client address read after TRUST_PROXY', async () => {
    const guarded = await startGateway(replicas.simulator.url, {
      ...ENV,
      REDIS_URL: replicas.redis.url,
      ISALES_CALLBACK_SOURCES: '10.9.0.0/16',
      TRUST_PROXY: '127.0.0.1',
    });
    try {
      const from = (forwarded?: string) =>
        fetch(callbackUrl(guarded), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(forwarded && { 'x-forwarded-for': forwarded }) },
          body: JSON.stringify([record(4, 'from-source')]),
        });
      expect((await from()).status).toBe(404);
      expect((await from('10.8.1.1')).status).toBe(404);
      expect(await kept(guarded, 4)).toEqual([]);
      expect((await from('10.9.1.1')).status).toBe(200);
      expect((await kept(guarded, 4)).map((item) => item.record.callId)).toEqual(['from-source']);
    } finally {
      await guarded.close();
    }
  });

  it('refuses the records of a push for a VDN outside the token, and keeps the others', async () => {
    const value = async (name: string, labels: Record<string, string> = {}) =>
      (await scrape(a)).samples.find((sample) => sample.name === name && Object.entries(labels).every(([k, v]) => sample.labels[k] === v))?.value ?? 0;
    const before = {
      outside: await value('call_results_refused_total', { reason: 'vdn_not_allowed' }),
      invalid: await value('call_results_refused_total', { reason: 'invalid' }),
      received: await value('call_results_received_total'),
    };
    const response = await post(a, [record(5, 'inside-1'), record(8, 'outside-8'), { callId: 'no vdn' }, record(5, 'inside-2')]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ retCode: '0', retMsg: 'success' });
    expect((await kept(a, 5)).map((item) => item.record.callId)).toEqual(['inside-1', 'inside-2']);
    expect(await kept(a, 8)).toEqual([]);
    expect(await value('call_results_refused_total', { reason: 'vdn_not_allowed' })).toBe(before.outside + 1);
    expect(await value('call_results_refused_total', { reason: 'invalid' })).toBe(before.invalid + 1);
    expect(await value('call_results_received_total')).toBe(before.received + 2);
    expect(await value('call_result_stream_entries')).toBeGreaterThanOrEqual(2);
    const notArray = await post(a, { callId: 'x' });
    expect(notArray.status).toBe(400);
  });

  it('refuses an event stream without credentials (401) or for another VDN (403) before it opens, and beyond the limit (429)', async () => {
    const anonymous = open(a, 6, {});
    await anonymous.finished();
    expect(anonymous.status).toBe(401);
    expect(anonymous.events).toEqual([]);
    const otherVdn = open(a, 6, { 'x-api-key': VDN1_KEY });
    await otherVdn.finished();
    expect(otherVdn.status).toBe(403);
    const badId = open(a, 6, { 'x-api-key': TEST_API_KEY, 'last-event-id': 'yesterday' });
    await badId.finished();
    expect(badId.status).toBe(400);

    const streams = [open(a, 1, { 'x-api-key': VDN1_KEY }), open(a, 1, { 'x-api-key': VDN1_KEY }), open(a, 1, { 'x-api-key': VDN1_KEY })];
    await Promise.all(streams.map((reader) => waitFor(() => reader.comments > 0, 5000, 'streams to open')));
    const beyond = open(a, 1, { 'x-api-key': VDN1_KEY });
    await beyond.finished();
    expect(beyond.status).toBe(429);
    expect(JSON.parse(beyond.body)).toMatchObject({ type: expect.stringContaining('too-many-event-streams') });
    // Another replica counts its own.
    const elsewhere = open(b, 1, { 'x-api-key': VDN1_KEY });
    await waitFor(() => elsewhere.comments > 0, 5000, 'a stream on the other replica');
    streams[0].close();
    await waitFor(async () => {
      const next = open(a, 1, { 'x-api-key': VDN1_KEY });
      await next.opened();
      return next.status === 200;
    });
  });

  it(
    'ends open streams on SIGTERM, and the replica exits 0 within the grace time',
    async () => {
      const gateway = await startGatewayProcess({
        ...ENV,
        ISALES_BASE_URL: replicas.simulator.url,
        ISALES_AK: TEST_AK,
        ISALES_SK: TEST_SK,
        REDIS_URL: replicas.redis.url,
        SHUTDOWN_GRACE_MS: '10000',
      });
      try {
        const streams = [1, 2].map(() => new SseReader(`${gateway.url}/api/v1/vdns/1/call-results/events`, { 'x-api-key': TEST_API_KEY }));
        await Promise.all(streams.map((reader) => waitFor(() => reader.comments > 0, 10000, 'the stream to open')));
        const exited = once(gateway.child, 'exit');
        gateway.child.kill('SIGTERM');
        await Promise.all(streams.map((reader) => reader.finished()));
        const [code] = (await exited) as [number | null];
        expect(code).toBe(0);
      } finally {
        if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it('filters by campaignId', async () => {
    const reader = open(a, 7, { 'x-api-key': TEST_API_KEY }, '?campaignId=9');
    await waitFor(() => reader.comments > 0, 5000, 'the stream to open');
    expect((await post(b, [record(7, 'c3', { campaignId: '3' }), record(7, 'c9', { campaignId: '9' })])).status).toBe(200);
    await waitFor(() => reader.events.length >= 1);
    expect((await post(b, [record(7, 'c9-2', { campaignId: 9 })])).status).toBe(200);
    await waitFor(() => reader.events.length >= 2);
    expect(reader.events.map((event) => (JSON.parse(event.data) as { callId: string }).callId)).toEqual(['c9', 'c9-2']);
  });

  it('holds a bounded buffer for a reader that reads nothing while 5000 events arrive, then delivers them all', async () => {
    const server = a.app.getHttpServer() as Server;
    const sockets: Socket[] = [];
    const track = (socket: Socket) => sockets.push(socket);
    server.on('connection', track);
    const reader = open(a, 6);
    await waitFor(() => reader.comments > 0, 5000, 'the stream to open');
    server.off('connection', track);
    reader.pause();
    const rssBefore = process.memoryUsage().rss;
    const filler = 'f'.repeat(1500);
    for (let i = 0; i < 5000; i += 25) {
      const batch = Array.from({ length: 25 }, (_, j) => record(6, `slow-${i + j}`, { customField: filler }));
      expect((await post(b, batch)).status).toBe(200);
    }
    // Everything went through Redis: the gateway holds at most its own small buffer plus the socket's.
    const streamSocket = sockets[sockets.length - 1];
    expect(streamSocket.writableLength).toBeLessThan(256 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
    reader.resume();
    await waitFor(() => reader.events.length >= 5000, 60000, '5000 events');
    expect(new Set(reader.events.map((event) => (JSON.parse(event.data) as { callId: string }).callId)).size).toBe(5000);
  }, 120000);
});

describe('call results as events without Redis (the single-process demo)', () => {
  it('keeps, pages and streams in memory with the same rules', async () => {
    const simulator = await startSimulator();
    // A stream outlives the request timeout (it bounds receiving the request, not the answer).
    const gateway = await startGateway(simulator.url, { ...ENV, HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '500' });
    const logs = gateway.logs.mark();
    const reader = new SseReader(`${gateway.url}/api/v1/vdns/1/call-results/events`, { 'x-api-key': TEST_API_KEY });
    try {
      await waitFor(() => reader.comments > 0, 5000, 'the stream to open');
      const push = (callId: string) =>
        fetch(`${gateway.url}/callbacks/isales/call-results/${TOKEN}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify([{ callId, vdnId: 1, campaignId: '3', callStatus: 5, callTimeStr: '2020-08-30 20:00:00' }]),
        });
      for (const callId of ['m-1', 'm-1', 'm-2']) expect((await push(callId)).status).toBe(200);
      await waitFor(() => reader.events.length >= 2);
      expect(reader.events.map((event) => (JSON.parse(event.data) as { callId: string; status: string }).status)).toEqual(['failed', 'failed']);
      const page = (await (await gateway.fetch('/api/v1/vdns/1/call-results?pageSize=1')).json()) as KeptPage;
      expect(page.items.map((item) => item.record.callId)).toEqual(['m-1']);
      const next = (await (await gateway.fetch(`/api/v1/vdns/1/call-results?since=${page.next}`)).json()) as KeptPage;
      expect(next.items.map((item) => item.record.callId)).toEqual(['m-2']);
      expect((await gateway.fetch('/api/v1/vdns/1/call-results?since=yesterday')).status).toBe(400);
      await waitFor(() => reader.comments >= 4, 10000, 'heartbeats past the request timeout');
      expect(reader.ended).toBe(false);
      // The access line is written when the stream ends, with its status and principal.
      reader.close();
      const line = () => logs().find((text) => text.includes('"route":"/api/v1/vdns/:vdnId/call-results/events"'));
      await waitFor(() => line() !== undefined, 10000, 'the stream\u2019s access line');
      expect(JSON.parse(line()!)).toMatchObject({ status: 200, principal: 'key:e2e' });
      expect(logs().join('\n')).not.toContain(TOKEN);
    } finally {
      reader.close();
      await gateway.close();
      await simulator.close();
    }
  });
});
