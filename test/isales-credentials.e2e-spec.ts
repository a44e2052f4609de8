import { eventually } from './support/eventually';
import { ProblemDetails } from '../src/common/errors/problem';
import { useStack } from './support/harness';
import { credentialsDocument, credentialsEnv, MountedSecret, Pair, RenamedFile, simulatorCredentials } from './support/credentials-files';

// docs/design.md section 12: one gateway, several AK/SK pairs chosen per VDN, rotated without a restart.

const TENANT_A: Pair = { ak: 'ak-tenant-a', sk: 'sk-tenant-a-0123456789', vdns: [1, 2] };
const TENANT_B: Pair = { ak: 'ak-tenant-b', sk: 'sk-tenant-b-0123456789', vdns: [3] };
const FALLBACK: Pair = { ak: 'ak-fallback', sk: 'sk-fallback-0123456789', vdns: '*' };

const servers = (vdnId: number) => `/api/v1/vdns/${vdnId}/file-servers?pageSize=1`;

describe('two pairs, each signing for its own VDNs', () => {
  const pairs = [TENANT_A, TENANT_B];
  const stack = useStack({ simulator: simulatorCredentials(pairs), env: credentialsEnv({ ISALES_CREDENTIALS: credentialsDocument(...pairs) }) });

  it("signs each VDN's calls with its own AK, and iSales accepts them", async () => {
    for (const vdnId of [1, 2, 3]) expect((await stack.get(servers(vdnId))).status).toBe(200);
    expect((await stack.get('/api/v1/vdns/3/business-results')).status).toBe(200);
    const [one, two, ...three] = stack.simulator.requests.map((r) => [r.vdnId, r.ak, r.status]);
    expect([one, two]).toEqual([
      [1, 'ak-tenant-a', 200],
      [2, 'ak-tenant-a', 200],
    ]);
    expect(three.length).toBeGreaterThan(1);
    for (const call of three) expect(call).toEqual([3, 'ak-tenant-b', 200]);
  });

  it.each([
    ['a list route', servers(4)],
    ['a single-item route', '/api/v1/vdns/4/blacklist-import-tasks/1'],
    ['the cached business results', '/api/v1/vdns/4/business-results'],
    ['one business result', '/api/v1/vdns/4/business-results/A1'],
  ])('a VDN no pair covers is a 404 problem without an upstream call (%s)', async (_name, path) => {
    const response = await stack.get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as ProblemDetails;
    expect(body).toMatchObject({ type: 'urn:isales-gateway:problem:vdn-not-served', status: 404, detail: 'This gateway does not serve VDN 4' });
    expect(stack.simulator.requests).toHaveLength(0);
  });
});

describe('a fallback pair for every other VDN', () => {
  const pairs = [TENANT_A, FALLBACK];
  const stack = useStack({ simulator: simulatorCredentials(pairs), env: credentialsEnv({ ISALES_CREDENTIALS: credentialsDocument(...pairs) }) });

  it('signs listed VDNs with their pair and any other VDN with the "*" pair', async () => {
    for (const vdnId of [1, 7, 9999]) expect((await stack.get(servers(vdnId))).status).toBe(200);
    expect(stack.simulator.requests.map((r) => [r.vdnId, r.ak])).toEqual([
      [1, 'ak-tenant-a'],
      [7, 'ak-fallback'],
      [9999, 'ak-fallback'],
    ]);
  });
});

describe.each([
  ['a mounted Secret whose ..data symlink is swapped', MountedSecret],
  ['a file replaced by rename', RenamedFile],
])('rotation through %s', (_name, Kind) => {
  const before: Pair = { ak: 'ak-rotating', sk: 'sk-before-rotation-0123', vdns: '*' };
  const after: Pair = { ...before, sk: 'sk-after-rotation-4567' };
  const file = new Kind(credentialsDocument(before));
  const stack = useStack({ simulator: simulatorCredentials([before]), env: credentialsEnv({ ISALES_CREDENTIALS_FILE: file.path }) });
  afterAll(() => file.remove());

  const reloads = () => stack.gateway.logs.lines.filter((line) => line.includes('iSales credentials reloaded')).length;
  const rejections = () => stack.gateway.logs.lines.filter((line) => line.includes('iSales credentials file rejected')).length;

  it('takes a new SK within seconds, without a restart, and never fails the request in flight', async () => {
    expect((await stack.get(servers(1))).status).toBe(200);

    // iSales rotates first: the gateway's old SK is now refused (502, the gateway's credentials are wrong).
    stack.simulator.setFault('queryServer', { latencyMs: 1500, times: 1 });
    const inFlight = stack.get(servers(1));
    await eventually('the slow call reached iSales', () => stack.simulator.requests.length === 2);
    stack.simulator.setCredentials([after]);
    expect((await stack.get(servers(2))).status).toBe(502);

    const reloaded = reloads();
    file.write(credentialsDocument(after));
    await eventually('the gateway reloaded the file', () => reloads() > reloaded);
    expect((await stack.get(servers(1))).status).toBe(200);
    // Signed with the old SK and accepted on arrival: the rotation does not touch it.
    expect((await inFlight).status).toBe(200);
  });

  it('keeps the previous pairs when the new document does not parse, and takes the next good one', async () => {
    const rejected = rejections();
    file.write('[{"ak":"ak-rotating","sk":"sk-in-a-broken-document"');
    await eventually('the gateway rejected the broken file', () => rejections() > rejected);
    expect((await stack.get(servers(1))).status).toBe(200);

    file.write(credentialsDocument({ ...after, vdns: [1] }));
    await eventually('VDN 2 is no longer served', async () => (await stack.get(servers(2))).status === 404);
    expect((await stack.get(servers(1))).status).toBe(200);
  });
});
