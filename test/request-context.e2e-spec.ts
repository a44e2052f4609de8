import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_API_KEY, useStack } from './support/harness';

const VDN = '/api/v1/vdns/1';
const SERVER = { host: '10.21.124.9', port: 22, path: '/in', username: 'ctx', password: 'S3cure-pass-ctx' };

/**
 * A request's context (its id, the iSales calls it made) is entered when its handler starts
 * (src/edge/identify.phase.ts): every handler that calls iSales sends the caller's request id and
 * lists the calls on its log line, whichever way it was routed and however its body arrived.
 */
describe('the request context of a handler', () => {
  const stack = useStack();

  const lineOf = (lines: string[], requestId: string) => {
    const line = lines.find((text) => text.includes('"request completed"') && text.includes(`"requestId":"${requestId}"`));
    if (!line) throw new Error(`no access-log line for ${requestId}`);
    return JSON.parse(line) as { upstream?: Array<{ operation: string; outcome: string }> };
  };

  const expectCarried = (lines: string[], requestId: string, operation: string) => {
    const sent = stack.simulator.requests.filter((r) => r.operation === operation);
    expect(sent.length).toBeGreaterThan(0);
    for (const call of sent) expect(call.headers['x-request-id']).toBe(requestId);
    const logged = lineOf(lines, requestId).upstream ?? [];
    expect(logged).toHaveLength(sent.length);
    for (const call of logged) expect(call).toMatchObject({ operation, outcome: 'success' });
  };

  it('on a read served by a handler wired at start-up (the proxied read)', async () => {
    const since = stack.gateway.logs.mark();
    expect((await stack.get(`${VDN}/file-servers`, { headers: { 'x-request-id': 'ctx-direct-1' } })).status).toBe(200);
    expectCarried(since(), 'ctx-direct-1', 'queryServer');
  });

  it('on the cache miss of a read that a hit answers from memory, and not on the hit', async () => {
    const since = stack.gateway.logs.mark();
    const list = `/api/v1/vdns/7/business-results`;
    expect((await stack.get(list, { headers: { 'x-request-id': 'ctx-miss-1' } })).status).toBe(200);
    expectCarried(since(), 'ctx-miss-1', 'queryBusinessResults');
    stack.simulator.clearRequests();
    const hit = await stack.get(list, { headers: { 'x-request-id': 'ctx-hit-1' } });
    expect(hit.headers.get('x-cache')).toBe('hit');
    expect(stack.simulator.requests).toEqual([]);
    expect(lineOf(since(), 'ctx-hit-1').upstream).toBeUndefined();
  });

  it('on a write whose body arrives after its headers, in two parts', async () => {
    const since = stack.gateway.logs.mark();
    const body = JSON.stringify(SERVER);
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${VDN}/file-servers`, stack.gateway.url);
      const request = httpRequest(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-api-key': TEST_API_KEY, 'x-request-id': 'ctx-write-1' },
      });
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
      request.flushHeaders();
      request.write(body.slice(0, 10));
      void sleep(50).then(() => request.end(body.slice(10)));
    });
    expect(status).toBe(201);
    expectCarried(since(), 'ctx-write-1', 'addServer');
  });
});
