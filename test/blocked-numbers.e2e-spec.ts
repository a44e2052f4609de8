import { BlockedNumberPageDto } from '../src/modules/blocked-numbers/dto/blocked-number.dto';
import { BLOCKED_NUMBER_EXAMPLES } from '../src/modules/blocked-numbers/blocked-number.example';
import { apiKeysWith, asApiKey, useRedisStack } from './support/harness';
import { jsonInit } from './support/json-request';
import { sharedLogCapture } from './support/log-capture';
import { expectProblem, expectRejectedBeforeUpstream, itMapsEachUpstreamCode } from './support/problem-expectations';

const BLOCKED = '/api/v1/vdns/1/blocked-numbers';
/** The delete page's example number, blocked in VDN 1 (simulator/data/seed-campaigns.ts). */
const SEED_NUMBER = '13100000000';

const VDN1_WRITER = 'vdn1-writer-key-7d2a9e';
const WRITER = 'writer-key-3e6b0c';
const READER = 'reader-key-0f4d8a';
const API_KEYS = apiKeysWith(
  { id: 'vdn1-writer', key: VDN1_WRITER, vdns: [1], scopes: ['isales:read', 'isales:write'] },
  { id: 'writer', key: WRITER, vdns: '*', scopes: ['isales:read', 'isales:write'] },
  { id: 'reader', key: READER, vdns: '*', scopes: ['isales:read'] },
);

let counter = 0;
/** Numbers no other test uses. */
const fresh = (count = 1) => Array.from({ length: count }, () => `1390000${String(++counter).padStart(4, '0')}`);

describe('blocked numbers (gateway + simulator + redis over HTTP)', () => {
  // VDN 2's times are in its tenant's zone; VDN 1 has ISALES_TIME_ZONE's default, UTC.
  const stack = useRedisStack({ AUTH_API_KEYS: API_KEYS, ISALES_TIME_ZONES: '{"2":"Asia/Shanghai"}' });
  const json = async <T>(response: Response) => (await response.json()) as T;
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => stack.request(path, jsonInit(method, body, headers));
  const upstream = (operation: string) => stack.simulator.requests.filter((r) => r.operation === operation);
  const bodies = (operation: string) => upstream(operation).map((r) => JSON.parse(r.body) as unknown);
  const lookUp = async (numbers: string[], vdn = 1) =>
    json<BlockedNumberPageDto>(await stack.get(`/api/v1/vdns/${vdn}/blocked-numbers?numbers=${numbers.map(encodeURIComponent).join(',')}`));

  describe('GET /vdns/{vdnId}/blocked-numbers', () => {
    it('answers a page of VDN 1\u2019s list (the pages\u2019 example number), as offset/limit upstream', async () => {
      const response = await stack.get(BLOCKED);
      expect(response.status).toBe(200);
      const page = await json<BlockedNumberPageDto>(response);
      expect(page).toMatchObject({ page: 1, pageSize: 20 });
      expect(page.items.slice(0, 2)).toEqual(BLOCKED_NUMBER_EXAMPLES);
      expect(bodies('blocklistQuery')).toEqual([{ offset: 0, limit: 20 }]);
    });

    it('looks numbers up with blocklist only, and says whether each block is in force', async () => {
      const page = await lookUp([SEED_NUMBER, '13800000000']);
      expect(page).toEqual({
        items: [{ number: SEED_NUMBER, expiresAt: '2030-12-31T10:06:25+00:00', valid: true }],
        page: 1,
        pageSize: 2,
        total: 1,
      });
      expect(bodies('blocklistQuery')).toEqual([{ blocklist: [SEED_NUMBER, '13800000000'] }]);
    });

    it.each([
      ['numbers with a page', `${BLOCKED}?numbers=${SEED_NUMBER}&page=1`, 'page'],
      ['numbers with a page size', `${BLOCKED}?numbers=${SEED_NUMBER}&pageSize=5`, 'pageSize'],
      ['21 numbers', `${BLOCKED}?numbers=${Array.from({ length: 21 }, (_, i) => `1310000${String(i).padStart(4, '0')}`).join(',')}`, 'numbers'],
      ['a number with a letter', `${BLOCKED}?numbers=1310000000a`, 'numbers'],
      ['a 25-character number', `${BLOCKED}?numbers=${'1'.repeat(25)}`, 'numbers'],
      ['a page size over 100', `${BLOCKED}?pageSize=101`, 'pageSize'],
    ])('refuses %s before iSales (400)', async (_case, path, param) => {
      await expectRejectedBeforeUpstream(stack, await stack.get(path), param);
    });
  });

  describe('POST /vdns/{vdnId}/blocked-numbers', () => {
    it('blocks numbers for a number of hours (204): validityTime in hours, no unit; the next look-up shows them', async () => {
      const numbers = [...fresh(), '*#123'];
      const response = await send('POST', BLOCKED, { numbers, validityHours: 24 });
      expect(response.status).toBe(204);
      expect(bodies('blocklistAdd')).toEqual([{ blocklist: numbers, validityTime: 24 }]);
      const page = await lookUp(numbers);
      expect(page.items.map((item) => [item.number, item.valid])).toEqual(numbers.map((number) => [number, true]));
      expect(page.items.every((item) => item.expiresAt !== null)).toBe(true);
    });

    it('blocks until an instant as the tenant\u2019s wall clock (ISALES_TIME_ZONES), read back with its offset', async () => {
      const numbers = fresh();
      const response = await send('POST', '/api/v1/vdns/2/blocked-numbers', { numbers, expiresAt: '2031-01-05T10:06:25Z' }, { 'x-api-key': WRITER });
      expect(response.status).toBe(204);
      expect(bodies('blocklistAdd')).toEqual([{ blocklist: numbers, validityExpirationTime: '2031-01-05 18:06:25' }]);
      expect((await lookUp(numbers, 2)).items).toEqual([{ number: numbers[0], expiresAt: '2031-01-05T18:06:25+08:00', valid: true }]);
    });

    it('blocks until an instant, sent as yyyy-MM-dd HH:mm:ss in the default zone, UTC', async () => {
      const numbers = fresh();
      expect((await send('POST', BLOCKED, { numbers, expiresAt: '2031-01-05T18:06:25+08:00' })).status).toBe(204);
      expect(bodies('blocklistAdd')).toEqual([{ blocklist: numbers, validityExpirationTime: '2031-01-05 10:06:25' }]);
      expect((await lookUp(numbers)).items).toEqual([{ number: numbers[0], expiresAt: '2031-01-05T10:06:25+00:00', valid: true }]);
    });

    it('answers 409 (0200007) naming the numbers already blocked by position, adding none', async () => {
      const [other] = fresh();
      const body = await expectProblem(await send('POST', BLOCKED, { numbers: [other, SEED_NUMBER] }), 409);
      expect(body.upstream).toMatchObject({ code: '0200007' });
      expect(body.invalidParams).toEqual([{ name: 'numbers[1]', reason: 'is already blocked' }]);
      expect(JSON.stringify(body)).not.toContain(SEED_NUMBER);
      expect((await lookUp([other])).items).toEqual([]);
    });

    it('refuses a number given twice before iSales (400), naming it by position', async () => {
      const [number] = fresh();
      const response = await send('POST', BLOCKED, { numbers: [number, '13100000009', number] });
      await expectRejectedBeforeUpstream(stack, response.clone(), 'numbers[2]');
      const body = await json<{ invalidParams: unknown }>(response);
      expect(body.invalidParams).toEqual([{ name: 'numbers[2]', reason: 'is the same number as numbers[0]' }]);
    });

    it('maps iSales\u2019 own 0200018 (duplicates) to 400 naming every number', async () => {
      stack.simulator.setFault('blocklistAdd', { resultCode: '0200018', resultDesc: 'x' });
      const numbers = fresh(2);
      const body = await expectProblem(await send('POST', BLOCKED, { numbers }), 400);
      expect(body.upstream).toEqual({ code: '0200018', description: 'x' });
      expect(body.invalidParams?.map((p) => p.name)).toEqual(['numbers[0]', 'numbers[1]']);
    });

    it('replays an add with the same Idempotency-Key instead of answering 409', async () => {
      const numbers = fresh();
      const key = `add-${process.pid}`;
      const first = await send('POST', BLOCKED, { numbers }, { 'idempotency-key': key });
      const second = await send('POST', BLOCKED, { numbers }, { 'idempotency-key': key });
      expect([first.status, second.status]).toEqual([204, 204]);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(upstream('blocklistAdd')).toHaveLength(1);
      expect((await send('POST', BLOCKED, { numbers: fresh() }, { 'idempotency-key': key })).status).toBe(422);
    });

    it.each([
      ['no numbers', {}, 'numbers'],
      ['an empty list', { numbers: [] }, 'numbers'],
      ['21 numbers', { numbers: fresh(21) }, 'numbers'],
      ['a number with a +', { numbers: ['+8613100000000'] }, 'numbers'],
      ['a 25-digit number', { numbers: ['1'.repeat(25)] }, 'numbers'],
      ['a number as a number', { numbers: [13100000000] }, 'numbers'],
      ['0 hours', { numbers: fresh(), validityHours: 0 }, 'validityHours'],
      ['121 hours', { numbers: fresh(), validityHours: 121 }, 'validityHours'],
      ['an expiry without a zone', { numbers: fresh(), expiresAt: '2031-01-01 00:00:00' }, 'expiresAt'],
      ['both an expiry and a period', { numbers: fresh(), expiresAt: '2031-01-01T00:00:00Z', validityHours: 2 }, 'validityHours'],
      ['a field iSales\u2019 add knows but the gateway does not', { numbers: fresh(), isCoverDupNo: 1 }, 'isCoverDupNo'],
    ])('refuses %s before iSales (400)', async (_case, body, param) => {
      await expectRejectedBeforeUpstream(stack, await send('POST', BLOCKED, body), param);
    });
  });

  describe('DELETE /vdns/{vdnId}/blocked-numbers/{number}', () => {
    it('unblocks a number (204, blocklistNo upstream), # written %23', async () => {
      const numbers = [`${fresh()[0]}#`];
      expect((await send('POST', BLOCKED, { numbers })).status).toBe(204);
      const response = await send('DELETE', `${BLOCKED}/${encodeURIComponent(numbers[0])}`);
      expect(response.status).toBe(204);
      expect(bodies('blocklistDelete')).toEqual([{ blocklistNo: numbers[0] }]);
      expect((await lookUp(numbers)).items).toEqual([]);
    });

    it('answers 204 for a number that is not blocked (the page knows no such error)', async () => {
      expect((await send('DELETE', `${BLOCKED}/${fresh()[0]}`)).status).toBe(204);
    });

    it('refuses a number with a letter before iSales (400)', async () => {
      await expectRejectedBeforeUpstream(stack, await send('DELETE', `${BLOCKED}/1310000000a`), 'number');
    });
  });

  describe('DELETE /vdns/{vdnId}/blocked-numbers (all)', () => {
    it('empties a VDN\u2019s list with isales:admin and ?confirm=delete-all (a DELETE without body upstream)', async () => {
      const numbers = fresh();
      expect((await send('POST', '/api/v1/vdns/5/blocked-numbers', { numbers })).status).toBe(204);
      expect((await send('DELETE', '/api/v1/vdns/5/blocked-numbers?confirm=delete-all')).status).toBe(204);
      expect(upstream('blocklistDeleteAll').map((r) => [r.method, r.path, r.body])).toEqual([['DELETE', '/rest/isales/v1/openapi/campaigns/5/blocklist', '']]);
      expect(await json<BlockedNumberPageDto>(await stack.get('/api/v1/vdns/5/blocked-numbers'))).toMatchObject({ items: [], total: 0 });
    });

    it.each([
      ['no confirmation', ''],
      ['another confirmation', '?confirm=yes'],
    ])('refuses %s before iSales (400)', async (_case, query) => {
      await expectRejectedBeforeUpstream(stack, await send('DELETE', `${BLOCKED}${query}`), 'confirm');
    });

    it('needs isales:admin: a writer is refused (403) before iSales', async () => {
      const body = await expectProblem(await stack.request(`${BLOCKED}?confirm=delete-all`, asApiKey(WRITER, { method: 'DELETE' })), 403);
      expect(body.detail).toBe('The credentials do not grant isales:admin.');
      expect(stack.simulator.requests).toHaveLength(0);
    });

    it('replays a delete-all with the same Idempotency-Key', async () => {
      const key = `delete-all-${process.pid}`;
      const path = '/api/v1/vdns/6/blocked-numbers?confirm=delete-all';
      const first = await send('DELETE', path, undefined, { 'idempotency-key': key });
      const second = await send('DELETE', path, undefined, { 'idempotency-key': key });
      expect([first.status, second.status]).toEqual([204, 204]);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(upstream('blocklistDeleteAll')).toHaveLength(1);
    });
  });

  describe('logs', () => {
    it('never carry a full number: not in the URL, the query, the audit line or a problem', async () => {
      const since = sharedLogCapture.mark();
      const numbers = fresh(2);
      expect((await send('POST', BLOCKED, { numbers })).status).toBe(204);
      expect((await lookUp(numbers)).items).toHaveLength(2);
      expect((await send('DELETE', `${BLOCKED}/${numbers[0]}`)).status).toBe(204);
      expect((await send('POST', BLOCKED, { numbers: [SEED_NUMBER] })).status).toBe(409);
      const lines = since().join('\n');
      expect(lines).toContain('"operation":"deleteBlockedNumber"');
      expect(lines).toContain(`*******${numbers[0].slice(-4)}`);
      for (const number of [...numbers, SEED_NUMBER]) expect(lines).not.toContain(number);
    });
  });

  describe('access', () => {
    it('reads with isales:read; adding and deleting need isales:write', async () => {
      expect((await stack.get(BLOCKED, asApiKey(READER))).status).toBe(200);
      stack.simulator.clearRequests();
      const add = await stack.request(BLOCKED, asApiKey(READER, jsonInit('POST', { numbers: fresh() })));
      expect((await expectProblem(add, 403)).detail).toBe('The credentials do not grant isales:write.');
      const remove = await stack.request(`${BLOCKED}/${SEED_NUMBER}`, asApiKey(READER, { method: 'DELETE' }));
      expect((await expectProblem(remove, 403)).detail).toBe('The credentials do not grant isales:write.');
      expect(stack.simulator.requests).toHaveLength(0);
    });

    it('keeps a key for VDN 1 out of VDN 2\u2019s list (403, iSales not called)', async () => {
      await expectProblem(await stack.request('/api/v1/vdns/2/blocked-numbers', asApiKey(VDN1_WRITER, jsonInit('POST', { numbers: fresh() }))), 403);
      await expectProblem(await stack.request('/api/v1/vdns/2/blocked-numbers', asApiKey(VDN1_WRITER)), 403);
      expect(stack.simulator.requests).toHaveLength(0);
    });
  });

  describe('iSales business codes, one table per operation', () => {
    const routes = {
      blocklistQuery: () => stack.get(BLOCKED),
      blocklistAdd: () => send('POST', BLOCKED, { numbers: fresh() }),
      blocklistDelete: () => send('DELETE', `${BLOCKED}/${fresh()[0]}`),
      blocklistDeleteAll: () => send('DELETE', `${BLOCKED}?confirm=delete-all`),
    } as const;
    // 0200007 and 0200018 on add name the numbers (above); 0200007 is followed by a look-up.
    const named = new Set(['blocklistAdd 0200007', 'blocklistAdd 0200018']);
    itMapsEachUpstreamCode(stack, routes, named);

    it('names every number when the look-up after a 0200007 fails', async () => {
      stack.simulator.setFault('blocklistAdd', { resultCode: '0200007', resultDesc: 'x' });
      stack.simulator.setFault('blocklistQuery', { httpStatus: 500 });
      const body = await expectProblem(await send('POST', BLOCKED, { numbers: fresh(2) }), 409);
      expect(body.upstream).toEqual({ code: '0200007', description: 'x' });
      expect(body.invalidParams).toEqual([
        { name: 'numbers[0]', reason: 'one of these numbers is already blocked' },
        { name: 'numbers[1]', reason: 'one of these numbers is already blocked' },
      ]);
    });
  });
});
