import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProblemDetails } from '../src/common/errors/problem';
import { startStack, useStack } from './support/harness';
import { jsonInit } from './support/json-request';
import { expectProblem, expectRejectedBeforeUpstream } from './support/problem-expectations';

const VDN = '/api/v1/vdns/1';
const APPOINTMENT = `${VDN}/appointments/174730253678826340158055543045`;
const SERVER_URL = `${VDN}/file-servers/164690088271159234793429225848`;
const SERVER = { host: '10.21.124.175', port: 22, path: '/home/sftp', username: 'isales', password: 'S3cure-pass' };

/** The committed document (test/openapi.e2e-spec.ts keeps it equal to the served one). */
const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8')) as {
  components: { schemas: Record<string, { properties: Record<string, { pattern?: string; anyOf?: Array<{ pattern?: string }> }> }> };
};

const WRITES: ReadonlyArray<[string, string]> = [
  ['POST', `${VDN}/appointments`],
  ['PATCH', APPOINTMENT],
  ['PUT', `${APPOINTMENT}/result`],
  ['POST', `${VDN}/business-results`],
  ['POST', `${VDN}/file-servers`],
  ['PUT', SERVER_URL],
];

/** The gaps issue 25 (items 6 and 7) closes, each over HTTP against the simulator. */
describe('the contract gaps of issue 25', () => {
  const stack = useStack();
  const send = (method: string, path: string, body: string) => stack.request(path, { method, headers: { 'content-type': 'application/json' }, body });

  describe('a body that is not a JSON object: 400 naming the body, iSales never called', () => {
    it.each(WRITES.flatMap(([method, path]) => ['null', '[]', '""', '7'].map((body) => [method, path, body] as const)))(
      '%s %s with %s',
      async (method, path, body) => {
        await expectRejectedBeforeUpstream(stack, await send(method, path, body), 'body');
      },
    );
  });

  it('answers 405 to OPTIONS with an Allow header listing the methods served at the path', async () => {
    const response = await stack.request(`${VDN}/business-results/cache`, { method: 'OPTIONS' });
    await expectProblem(response.clone(), 405);
    expect(response.headers.get('allow')).toBe('DELETE, GET, HEAD');
    const list = await stack.request(`${VDN}/file-servers`, { method: 'OPTIONS' });
    expect(list.status).toBe(405);
    expect(list.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  describe('a children list beyond its bound', () => {
    it('answers a small problem naming children, without validating each element', async () => {
      const children = Array.from({ length: 21_832 }, () => ({}));
      const body = JSON.stringify({ name: 'Call failed', children });
      expect(body.length).toBeLessThanOrEqual(64 * 1024);
      const response = await send('POST', `${VDN}/business-results`, body);
      const text = await response.clone().text();
      expect(text.length).toBeLessThan(8 * 1024);
      await expectRejectedBeforeUpstream(stack, response, 'children');
      const problem = JSON.parse(text) as ProblemDetails;
      expect(problem.invalidParams).toEqual([{ name: 'children', reason: 'children must hold at most 100 sub-results' }]);
    });

    it('lists at most 20 invalid parameters, and says so', async () => {
      const children = Array.from({ length: 60 }, (_, i) => ({ name: `n${i}`, code: '!' }));
      const response = await send('POST', `${VDN}/business-results`, JSON.stringify({ name: 'Call failed', children }));
      const problem = (await response.json()) as ProblemDetails;
      expect(response.status).toBe(400);
      expect(problem.invalidParams).toHaveLength(20);
      expect(problem.detail).toMatch(/first 20/);
    });

    it('refuses many nulls in a list by its bound too', async () => {
      const body = JSON.stringify({ name: 'Call failed', children: Array.from({ length: 5000 }, () => null) });
      const response = await send('POST', `${VDN}/business-results`, body);
      expect((await response.clone().text()).length).toBeLessThan(8 * 1024);
      await expectRejectedBeforeUpstream(stack, response, 'children');
    });
  });

  describe('comma-separated lists', () => {
    it('trims spaces around an item however many there are', async () => {
      const response = await stack.get(`${VDN}/file-servers?ids=1${'+'.repeat(7000)}`);
      expect(response.status).toBe(200);
      expect(stack.upstreamBodies('queryServer')).toEqual([expect.objectContaining({ serverIds: ['1'] })]);
    });

    it('refuses spaces inside an item', async () => {
      await expectRejectedBeforeUpstream(stack, await stack.get(`${VDN}/file-servers?ids=1${'+'.repeat(7000)}2`), 'ids');
    });
  });

  describe('C1 control characters are refused like C0 ones', () => {
    it.each([
      ['a business result name (NEL)', 'POST', `${VDN}/business-results`, { name: 'Call\u0085failed' }, 'name'],
      ['a reservation remark (CSI)', 'PATCH', APPOINTMENT, { remark: 'a\u009b31m' }, 'remark'],
      [
        'a string inside callData',
        'POST',
        `${VDN}/appointments`,
        {
          type: 'automatic',
          calledNumber: '13800000001',
          agent: '116',
          taskId: '1106025109',
          appointedAt: '2030-06-02T10:00:00Z',
          callData: { note: 'x\u0080' },
        },
        'callData.note',
      ],
      ['a file server path', 'POST', `${VDN}/file-servers`, { ...SERVER, path: '/home/\u009fx' }, 'path'],
    ])('%s', async (_name, method, path, body, param) => {
      const response = await stack.request(path, jsonInit(method, body));
      const problem = (await response.clone().json()) as ProblemDetails;
      await expectRejectedBeforeUpstream(stack, response, param);
      expect(problem.invalidParams!.find((p) => p.name === param)!.reason).toMatch(/control characters/);
    });

    it('states it in the document', () => {
      const remark = DOCUMENT.components.schemas.UpdateAppointmentDto.properties.remark;
      expect(new RegExp(remark.pattern!, 'u').test('a\u0085b')).toBe(false);
      expect(new RegExp(remark.pattern!, 'u').test('a b')).toBe(true);
    });
  });

  describe('host (file-server writes): the document states what the gateway takes', () => {
    const admitted = (schema: { anyOf: Array<{ pattern?: string }> }, host: string) =>
      schema.anyOf.some((branch) => branch.pattern !== undefined && new RegExp(branch.pattern, 'u').test(host));

    it.each([
      ['10.21.124.175', true],
      ['::1', true],
      ['fe80::1:2', true],
      ['2001:db8::ffff:10.0.0.1', true],
      ['sftp.example.com', true],
      ['10.0.0.1:22', false],
      ['fe80::1%eth0', false],
      ['a b', false],
      ['1:2:3:4:5:6:7:8:9', false],
    ])('%s: %s', async (host, takes) => {
      const schema = DOCUMENT.components.schemas.CreateFileServerDto.properties.host as { anyOf: Array<{ pattern?: string }> };
      expect(schema.anyOf.every((branch) => typeof branch.pattern === 'string')).toBe(true);
      expect(admitted(schema, host)).toBe(takes);
      const response = await stack.request(`${VDN}/file-servers`, jsonInit('POST', { ...SERVER, host, path: `/gaps/${host.replace(/[^A-Za-z0-9]/g, '_')}` }));
      if (takes) expect(response.status).toBe(201);
      else await expectRejectedBeforeUpstream(stack, response, 'host');
    });
  });
});

describe('405 with Allow when CORS is on', () => {
  it('answers an OPTIONS that is not a preflight with 405 and Allow, OPTIONS listed (preflights are served everywhere)', async () => {
    const stack = await startStack({ env: { CORS_ORIGINS: 'https://crm.example.com' } });
    try {
      const response = await stack.request(`${VDN}/business-results/cache`, { method: 'OPTIONS' });
      await expectProblem(response.clone(), 405);
      expect(response.headers.get('allow')).toBe('DELETE, GET, HEAD, OPTIONS');
      const patch = await stack.request(`${VDN}/business-results/cache`, { method: 'PATCH' });
      expect(patch.status).toBe(405);
      expect(patch.headers.get('allow')).toBe('DELETE, GET, HEAD, OPTIONS');
      await expectProblem(await stack.request('/api/v1/nothing', { method: 'OPTIONS' }), 404);
      const preflight = await stack.request(`${VDN}/business-results/cache`, {
        method: 'OPTIONS',
        headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'DELETE' },
      });
      expect(preflight.status).toBe(204);
    } finally {
      await stack.close();
    }
  });
});
