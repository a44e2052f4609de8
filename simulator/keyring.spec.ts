import { createSimulator, type Simulator } from './simulator';
import { sendRaw, sendSigned } from './signed-client';
import { BASE, startSimulator } from './spec-helpers';

const TENANT_A = { ak: 'ak-tenant-a', sk: 'sk-tenant-a-secret', vdns: [1, 2] };
const TENANT_B = { ak: 'ak-tenant-b', sk: 'sk-tenant-b-secret', vdns: [3] };
const EVERY = { ak: 'ak-every', sk: 'sk-every-secret', vdns: '*' as const };

describe('several key pairs, each holding its VDNs', () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await startSimulator({ credentials: [TENANT_A, TENANT_B, EVERY] });
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.clearRequests());

  const call = (vdnId: number, pair: { ak: string; sk: string }) =>
    sendSigned(simulator.url, { method: 'POST', path: `${BASE}/${vdnId}/file/queryServer`, body: { offset: 0, limit: 1 } }, pair);

  it('accepts each pair for the VDNs it holds, and the "*" pair for any', async () => {
    for (const [vdnId, pair] of [
      [1, TENANT_A],
      [2, TENANT_A],
      [3, TENANT_B],
      [3, EVERY],
      [42, EVERY],
    ] as const) {
      expect((await call(vdnId, pair)).status).toBe(200);
    }
    expect(simulator.requests.map((r) => r.ak)).toEqual(['ak-tenant-a', 'ak-tenant-a', 'ak-tenant-b', 'ak-every', 'ak-every']);
  });

  it('401 when a valid signature comes from a pair that does not hold the VDN', async () => {
    const response = await call(3, TENANT_A);
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ resultCode: '401', resultDesc: 'Unauthorized' });
    expect(simulator.requests.at(-1)).toMatchObject({ ak: 'ak-tenant-a', vdnId: 3, authorized: false, authError: 'access key does not hold VDN 3' });
  });

  it('401 for an unknown AK and for a known AK with the wrong SK', async () => {
    expect((await call(1, { ak: 'ak-nobody', sk: 'x' })).status).toBe(401);
    expect(simulator.requests.at(-1)?.authError).toBe('unknown access key');
    expect((await call(1, { ak: TENANT_A.ak, sk: TENANT_B.sk })).status).toBe(401);
    expect(simulator.requests.at(-1)?.authError).toBe('signature mismatch');
  });

  it('an invalid VDN in the path is still the parameter error, not a 401', async () => {
    const response = await call(0, TENANT_A);
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ resultCode: '0200001' });
  });

  it('takes new pairs at runtime (a rotated SK), never showing an SK', async () => {
    const rotated = { ...TENANT_A, sk: 'sk-tenant-a-rotated' };
    simulator.setCredentials([rotated, TENANT_B, EVERY]);
    try {
      expect((await call(1, TENANT_A)).status).toBe(401);
      expect((await call(1, rotated)).status).toBe(200);
      expect(simulator.credentials).toEqual([
        { ak: 'ak-tenant-a', vdns: [1, 2] },
        { ak: 'ak-tenant-b', vdns: [3] },
        { ak: 'ak-every', vdns: '*' },
      ]);
    } finally {
      simulator.setCredentials([TENANT_A, TENANT_B, EVERY]);
    }
  });

  it('the control endpoint reads and replaces the pairs; a bad list keeps the old ones', async () => {
    const control = (method: string, body?: string) =>
      sendRaw(simulator.url, { method, path: '/__simulator/credentials', body, headers: body ? { 'content-type': 'application/json' } : {} });
    const rotated = { ...TENANT_B, sk: 'sk-tenant-b-rotated' };
    try {
      const put = await control('PUT', JSON.stringify([TENANT_A, rotated]));
      expect(put.status).toBe(200);
      expect(put.text).not.toContain('sk-');
      expect((await call(3, rotated)).status).toBe(200);
      expect((await call(42, EVERY)).status).toBe(401);

      const bad = await control('PUT', '[{"ak":"x","sk":"sk-leaked-by-mistake","vdns":"all"}]');
      expect(bad.status).toBe(400);
      expect(bad.json()).toEqual({ error: 'credentials pair 1: vdns must be "*" or a list of VDN ids from 1 to 9999' });
      expect((await control('PUT', '[{"ak":"x","sk":"sk-leaked-by-mistake",')).json()).toEqual({ error: 'credentials body is not valid JSON' });
      expect((await control('GET')).json()).toEqual([
        { ak: 'ak-tenant-a', vdns: [1, 2] },
        { ak: 'ak-tenant-b', vdns: [3] },
      ]);
      expect((await control('DELETE')).status).toBe(405);
    } finally {
      simulator.setCredentials([TENANT_A, TENANT_B, EVERY]);
    }
  });
});

describe('credential options', () => {
  it('keeps ak/sk as one pair for every VDN', async () => {
    const simulator = await startSimulator({ ak: 'one-ak', sk: 'one-sk' });
    try {
      expect(simulator.credentials).toEqual([{ ak: 'one-ak', vdns: '*' }]);
    } finally {
      await simulator.close();
    }
  });

  it('refuses ak/sk next to credentials, and a bad list, never echoing an SK', () => {
    expect(() => createSimulator({ ak: 'a', credentials: [EVERY] })).toThrow('give either ak/sk or credentials');
    expect(() => createSimulator({ credentials: [] })).toThrow(/credentials must be a non-empty list/);
    expect(() => createSimulator({ credentials: [EVERY, { ...EVERY, sk: 'other-secret' }] })).toThrow('credentials pair 2: ak is given twice');
    expect(() => createSimulator({ credentials: [{ ak: 'a b', sk: 'sk-x-secret', vdns: '*' }] })).toThrow(
      'simulator option credentials pair 1: ak must be a non-empty string without spaces or slashes',
    );
  });
});
