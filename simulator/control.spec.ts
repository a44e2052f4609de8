import { createSimulator, type Simulator } from './simulator';
import { sendRaw, sendSigned } from './signed-client';
import { BASE, CREDENTIALS, post, startSimulator } from './spec-helpers';

describe('control endpoint and routing', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());

  const control = (method: string, path: string, body?: unknown) =>
    sendRaw(simulator.url, {
      method,
      path: `/__simulator${path}`,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
    });

  it('GET /__simulator/health', async () => {
    const response = await control('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('PUT, GET and DELETE faults', async () => {
    expect((await control('PUT', '/faults/queryServer', { httpStatus: 503, times: 1 })).status).toBe(200);
    expect((await control('PUT', '/faults/*', { latencyMs: 1 })).status).toBe(200);
    expect((await control('GET', '/faults')).json()).toEqual({
      queryServer: { httpStatus: 503, times: 1 },
      '*': { latencyMs: 1 },
    });
    expect((await post(simulator, '1/file/queryServer', { offset: 0, limit: 1 })).status).toBe(503);
    expect((await control('GET', '/faults')).json()).toEqual({ '*': { latencyMs: 1 } });
    expect((await control('DELETE', '/faults')).status).toBe(200);
    expect((await control('GET', '/faults')).json()).toEqual({});
  });

  it('rejects a bad fault or operation', async () => {
    expect((await control('PUT', '/faults/queryServer', { httpStatus: 'x' })).status).toBe(400);
    expect((await control('PUT', '/faults/nope', { drop: true })).status).toBe(404);
    expect((await sendRaw(simulator.url, { method: 'PUT', path: '/__simulator/faults/*', body: '{' })).status).toBe(400);
  });

  it('GET and DELETE the request log (authorization redacted)', async () => {
    await control('DELETE', '/requests');
    await post(simulator, '1/appoint/list', { offset: 0, limit: 1 });
    const log = (await control('GET', '/requests')).json();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      method: 'POST',
      path: `${BASE}/1/appoint/list`,
      body: '{"offset":0,"limit":1}',
      operation: 'appointList',
      vdnId: 1,
      authorized: true,
      status: 200,
      resultCode: '0200000',
    });
    expect(log[0].headers.authorization).toBe('[redacted]');
    await control('DELETE', '/requests');
    expect((await control('GET', '/requests')).json()).toEqual([]);
    expect(simulator.requests).toEqual([]);
  });

  it('405 on a wrong method for a known path, 404 for unknown paths', async () => {
    const wrong = await sendSigned(simulator.url, { method: 'GET', path: `${BASE}/1/file/queryServer` }, CREDENTIALS);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    const wrongGet = await sendSigned(simulator.url, { method: 'POST', path: `${BASE}/1/queryBusinessResults?pageSize=1&pageNum=1`, body: {} }, CREDENTIALS);
    expect(wrongGet.status).toBe(405);
    const unknown = await sendSigned(simulator.url, { method: 'POST', path: `${BASE}/1/file/notAnOperation`, body: {} }, CREDENTIALS);
    expect(unknown.status).toBe(404);
    expect((await sendRaw(simulator.url, { method: 'GET', path: '/elsewhere' })).status).toBe(404);
    expect((await control('POST', '/health', {})).status).toBe(405);
  });

  it('routes a POST with a query string (the query is signed and then ignored)', async () => {
    const response = await sendSigned(
      simulator.url,
      { method: 'POST', path: `${BASE}/1/file/queryServer?locale=en_US`, body: { offset: 0, limit: 1 } },
      CREDENTIALS,
    );
    expect(response.status).toBe(200);
    expect(response.json().server).toHaveLength(1);
    expect(simulator.requests.at(-1)!.query).toEqual({ locale: 'en_US' });
  });

  it('exposes url only while listening', async () => {
    const idle = createSimulator();
    expect(() => idle.url).toThrow(/not listening/);
    const port = await idle.listen(0);
    expect(idle.url).toBe(`http://127.0.0.1:${port}`);
    await idle.close();
  });
});
