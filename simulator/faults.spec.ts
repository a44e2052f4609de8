import { eventually } from '../test/support/eventually';
import { FaultStore, parseFault } from './faults';
import type { Simulator } from './simulator';
import { sendRaw } from './signed-client';
import { get, post, startSimulator } from './spec-helpers';

const SERVERS = '1/file/queryServer';
const PAGE = { offset: 0, limit: 10 };

describe('fault injection', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());
  afterEach(() => {
    simulator.clearFaults();
    simulator.clearRequests();
  });

  it('latencyMs delays the normal answer', async () => {
    // The simulator's timers run on jest's clock; its sockets stay real.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      simulator.setFault('queryServer', { latencyMs: 150 });
      let answered = false;
      const response = post(simulator, SERVERS, PAGE).finally(() => (answered = true));
      await eventually('the request at the simulator', () => simulator.requests.length > 0);
      await jest.advanceTimersByTimeAsync(149);
      expect(answered).toBe(false);
      await eventually('the answer', async () => (await jest.advanceTimersByTimeAsync(1), answered));
      expect((await response).json().resultCode).toBe('0200000');
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([500, 503])('httpStatus %i', async (status) => {
    simulator.setFault('queryServer', { httpStatus: status });
    const response = await post(simulator, SERVERS, PAGE);
    expect(response.status).toBe(status);
    expect(response.json().resultCode).toBe(String(status));
  });

  it('429 carries the Chinese flow-control message', async () => {
    simulator.setFault('*', { httpStatus: 429 });
    const response = await get(simulator, '1/queryBusinessResults?pageSize=10&pageNum=1');
    expect(response.status).toBe(429);
    expect(response.text).toContain('请勿频繁操作,请稍后再试');
    expect(response.headers['content-type']).toMatch(/charset=UTF-8/i);
  });

  it('401 fault answers like a failed signature', async () => {
    simulator.setFault('queryServer', { httpStatus: 401 });
    const response = await post(simulator, SERVERS, PAGE);
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ resultCode: '401', resultDesc: 'Unauthorized' });
  });

  it('resultCode answers HTTP 200 with the envelope only', async () => {
    simulator.setFault('queryServer', { resultCode: '0200006' });
    const db = await post(simulator, SERVERS, PAGE);
    expect(db.status).toBe(200);
    expect(db.json()).toEqual({
      resultCode: '0200006',
      resultDesc: 'Database operation error',
      returnCode: '0200006',
      returnDesc: 'Database operation error',
    });
    simulator.setFault('queryServer', { resultCode: '0200022', resultDesc: 'too fast' });
    expect((await post(simulator, SERVERS, PAGE)).json()).toMatchObject({ resultCode: '0200022', resultDesc: 'too fast' });
    expect(simulator.requests.at(-1)!.resultCode).toBe('0200022');
  });

  it('malformed answers HTTP 200 with a body that is not JSON', async () => {
    simulator.setFault('queryServer', { malformed: true });
    const response = await post(simulator, SERVERS, PAGE);
    expect(response.status).toBe(200);
    expect(() => JSON.parse(response.text)).toThrow();
  });

  it('drop destroys the socket without answering', async () => {
    simulator.setFault('queryServer', { drop: true });
    await expect(post(simulator, SERVERS, PAGE)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(simulator.requests.at(-1)).toMatchObject({ operation: 'queryServer', authorized: true, status: 0 });
  });

  it('hang never answers; the client gives up on its own timeout', async () => {
    simulator.setFault('queryServer', { hang: true });
    await expect(post(simulator, SERVERS, PAGE, 200)).rejects.toThrow('timeout');
  });

  it('times applies to the next N requests only, then clears', async () => {
    simulator.setFault('queryServer', { httpStatus: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(simulator, SERVERS, PAGE)).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('an operation fault wins over "*"; "*" covers the others', async () => {
    simulator.setFault('*', { httpStatus: 500 });
    simulator.setFault('queryServer', { resultCode: '0200006' });
    expect((await post(simulator, SERVERS, PAGE)).json().resultCode).toBe('0200006');
    expect((await post(simulator, '1/appoint/list', PAGE)).status).toBe(500);
    simulator.setFault('queryServer', null);
    expect((await post(simulator, SERVERS, PAGE)).status).toBe(500);
  });

  it('faults apply only after auth succeeds', async () => {
    simulator.setFault('*', { hang: true });
    const response = await sendRaw(simulator.url, { method: 'POST', path: `/rest/isales/v1/openapi/campaigns/${SERVERS}`, body: '{}' });
    expect(response.status).toBe(401);
  });

  it('faults given as options apply from the start', async () => {
    const faulty = await startSimulator({ faults: { appointList: { httpStatus: 503, times: 1 } } });
    try {
      expect((await post(faulty, '1/appoint/list', PAGE)).status).toBe(503);
      expect((await post(faulty, '1/appoint/list', PAGE)).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });

  it('close() ends hanging requests', async () => {
    const hanging = await startSimulator({ faults: { '*': { hang: true } } });
    const pending = post(hanging, SERVERS, PAGE);
    await eventually('the request at the simulator', () => hanging.requests.length > 0);
    await hanging.close();
    await expect(pending).rejects.toThrow();
  });
});

describe('parseFault and FaultStore (unit)', () => {
  it('rejects unknown fields, wrong types and empty faults', () => {
    expect(() => parseFault({ latency: 5 })).toThrow(/unknown fault field/);
    expect(() => parseFault({ httpStatus: '500' })).toThrow(/httpStatus/);
    expect(() => parseFault({ hang: 'yes' })).toThrow(/hang/);
    expect(() => parseFault({ times: 2 })).toThrow(/at least one/);
    expect(() => parseFault({ drop: true, times: 0 })).toThrow(/times/);
    expect(parseFault({ latencyMs: 10, times: 1 })).toEqual({ latencyMs: 10, times: 1 });
  });

  it('applies a fault scoped to a VDN to that VDN only, and counts only its requests', () => {
    const store = new FaultStore();
    store.set('appointList', { latencyMs: 100, times: 2, vdnId: 7 });
    expect(store.take('appointList', 8)).toBeNull();
    expect(store.take('appointList', 7)).toEqual({ latencyMs: 100, times: 2, vdnId: 7 });
    expect(store.list()).toEqual({ appointList: { latencyMs: 100, times: 1, vdnId: 7 } });
    expect(() => parseFault({ drop: true, vdnId: 0 })).toThrow(/vdnId/);
  });

  it('counts down times and clears the fault', () => {
    const store = new FaultStore();
    store.set('appointList', { drop: true, times: 2 });
    expect(store.take('appointList')).toEqual({ drop: true, times: 2 });
    expect(store.list()).toEqual({ appointList: { drop: true, times: 1 } });
    expect(store.take('appointList')).not.toBeNull();
    expect(store.take('appointList')).toBeNull();
    expect(store.list()).toEqual({});
  });
});
