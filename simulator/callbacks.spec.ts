import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackPusher, DEFAULT_CALLBACK_SETTINGS } from './callbacks';
import { createSimulator } from './simulator';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver answering each push with the next of `answers` (then the last one again). */
async function receiver(answers: { status: number; body: string; delayMs?: number }[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const answer = answers[Math.min(received.length - 1, answers.length - 1)];
      const send = () => response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callbacks/isales/call-results/secret-token`, received, server };
}

const SUCCESS = { status: 200, body: '{"retCode":"0","retMsg":"success"}' };
const noWait = () => Promise.resolve(true);
const now = () => new Date('2026-01-01T08:00:00Z');

describe('CallbackPusher', () => {
  const servers: Server[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.close()));

  it('pushes a bare JSON array with no header beyond what HTTP needs, and stops at the first success', async () => {
    const target = await receiver([SUCCESS]);
    servers.push(target.server);
    const pusher = new CallbackPusher(DEFAULT_CALLBACK_SETTINGS, noWait, now);
    pusher.setUrl(1, '3', target.url);
    const records = pusher.endedCalls(1, '3', 2);
    await pusher.push(1, '3', records);
    expect(target.received).toHaveLength(1);
    expect(JSON.parse(target.received[0].body)).toEqual(records);
    expect(Object.keys(target.received[0].headers).sort()).toEqual(['connection', 'content-length', 'content-type', 'host']);
    expect(records[0]).toMatchObject({ campaignId: '3', vdnId: 1, callStatus: 6, callTimeStr: '2026-01-01 08:00:00' });
    expect(pusher.pushes).toEqual([expect.objectContaining({ attempt: 1, status: 200, accepted: true, url: expect.stringMatching(/\/\*\*\*$/) })]);
  });

  it('pushes again after a non-200 or a wrong answer body, up to maxPushes, waiting the interval between', async () => {
    const target = await receiver([{ status: 503, body: '{}' }, { status: 200, body: '{"retCode":"1"}' }, SUCCESS]);
    servers.push(target.server);
    const waits: number[] = [];
    const pusher = new CallbackPusher(
      { ...DEFAULT_CALLBACK_SETTINGS, maxPushes: 6, retryIntervalMs: 1234 },
      (ms) => (waits.push(ms), Promise.resolve(true)),
      now,
    );
    pusher.setUrl(1, '3', target.url);
    await pusher.push(1, '3', pusher.endedCalls(1, '3', 1));
    expect(pusher.pushes.map((push) => [push.status, push.accepted])).toEqual([
      [503, false],
      [200, false],
      [200, true],
    ]);
    expect(waits).toEqual([1234, 1234]);

    const failing = await receiver([{ status: 500, body: '' }]);
    servers.push(failing.server);
    pusher.clearPushes();
    pusher.configure({ maxPushes: 2 });
    pusher.setUrl(1, '4', failing.url);
    await pusher.push(1, '4', pusher.endedCalls(1, '4', 1));
    expect(pusher.pushes.map((push) => push.attempt)).toEqual([1, 2]);
  });

  it('counts a receiver slower than the timeout as a failed push', async () => {
    const slow = await receiver([{ ...SUCCESS, delayMs: 2000 }, SUCCESS]);
    servers.push(slow.server);
    const pusher = new CallbackPusher({ ...DEFAULT_CALLBACK_SETTINGS, timeoutMs: 50 }, noWait, now);
    pusher.setUrl(2, '3', slow.url);
    await pusher.push(2, '3', pusher.endedCalls(2, '3', 1));
    expect(pusher.pushes.map((push) => [push.status, push.accepted])).toEqual([
      [0, false],
      [200, true],
    ]);
  });

  it('pushes each ended call on its own when asked, and nothing for a campaign without a URL', async () => {
    const target = await receiver([SUCCESS]);
    servers.push(target.server);
    const pusher = new CallbackPusher(DEFAULT_CALLBACK_SETTINGS, noWait, now);
    await pusher.push(1, '9', pusher.endedCalls(1, '9', 3));
    expect(pusher.pushes).toEqual([]);
    pusher.setUrl(1, '9', target.url);
    await pusher.push(1, '9', pusher.endedCalls(1, '9', 3), true);
    expect(target.received.map((r) => (JSON.parse(r.body) as unknown[]).length)).toEqual([1, 1, 1]);
  });

  it('refuses settings iSales cannot have', () => {
    const pusher = new CallbackPusher(DEFAULT_CALLBACK_SETTINGS, noWait, now);
    expect(() => pusher.configure({ maxPushes: 7 })).toThrow(/maxPushes/);
    expect(() => pusher.setUrl(1, '3', 'ftp://x/y')).toThrow(/http/);
  });
});

describe('the callback control API', () => {
  it('sets a campaign URL, ends calls that are pushed, pushes a body as it is, and lists the pushes', async () => {
    const target = await receiver([SUCCESS]);
    const simulator = createSimulator({ callbacks: { retryIntervalMs: 0 } });
    await simulator.listen(0);
    try {
      const control = (path: string, method: string, body?: unknown) =>
        fetch(`${simulator.url}/__simulator/callbacks${path}`, { method, ...(body !== undefined && { body: JSON.stringify(body) }) });
      expect((await control('/1/3/calls', 'POST', { count: 1 })).status).toBe(409);
      expect((await control('/1/3', 'PUT', { url: target.url })).status).toBe(200);
      const ended = (await (await control('/1/3/calls', 'POST', { count: 2, callStatus: 5 })).json()) as { callIds: string[] };
      expect(ended.callIds).toHaveLength(2);
      expect((await control('/1/3/push', 'POST', [{ callId: 'same' }, { callId: 'same' }])).status).toBe(202);
      await simulator.callbacks.idle();
      const pushes = (await (await control('/pushes', 'GET')).json()) as { callIds: string[]; accepted: boolean }[];
      expect(pushes.map((push) => push.callIds).sort()).toEqual([[ended.callIds[0]], [ended.callIds[1]], ['same', 'same']].sort());
      expect((await control('/settings', 'PUT', { maxPushes: 9 })).status).toBe(400);
      expect(((await (await control('/settings', 'PUT', { maxPushes: 6 })).json()) as { maxPushes: number }).maxPushes).toBe(6);
    } finally {
      await simulator.close();
      target.server.close();
    }
  });
});
