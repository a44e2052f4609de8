import { ProblemDetails } from '../src/common/errors/problem';
import { useStack } from './support/harness';
import { jsonInit } from './support/json-request';
import { expectRejectedBeforeUpstream } from './support/problem-expectations';

const VDN = '/api/v1/vdns/1';
const APPOINTMENT = `${VDN}/appointments/174730253678826340158055543045`;
const SERVER = { host: '10.21.124.175', port: 22, path: '/home/sftp', username: 'isales', password: 'S3cure-pass' };
const RESERVATION = { type: 'manual', calledNumber: '13800000001', agent: '116', taskId: '1106025109', appointedAt: '2030-06-02T10:00:00Z' };

/** The rules every DTO shares (src/common/pipes/input-rules.ts) and the bounds of instants, over HTTP against the simulator. */
describe('input rules (gateway + simulator over HTTP)', () => {
  const stack = useStack();
  const send = (method: string, path: string, body?: unknown) => stack.request(path, jsonInit(method, body));

  async function reasonFor(response: Response, param: string): Promise<string> {
    const body = (await response.clone().json()) as ProblemDetails;
    await expectRejectedBeforeUpstream(stack, response, param);
    return body
      .invalidParams!.filter((p) => p.name === param)
      .map((p) => p.reason)
      .join('; ');
  }

  describe('null in a field that is not nullable: 400 naming the field, never a 500', () => {
    it.each([
      ['business result children', 'POST', `${VDN}/business-results`, { name: 'Call failed', children: null }, 'children'],
      ['business result code', 'POST', `${VDN}/business-results`, { name: 'Call failed', code: null }, 'code'],
      ['business result name', 'POST', `${VDN}/business-results`, { name: null }, 'name'],
      ['a child of a business result', 'POST', `${VDN}/business-results`, { name: 'Call failed', children: [null] }, 'children.0'],
      ['a child business result code', 'POST', `${VDN}/business-results`, { name: 'Call failed', children: [{ name: 'x', code: null }] }, 'children.0.code'],
      ['appointment result endedAt', 'PUT', `${APPOINTMENT}/result`, { endedAt: null }, 'endedAt'],
      ['appointment result failCode', 'PUT', `${APPOINTMENT}/result`, { failCode: null, callId: '1' }, 'failCode'],
      ['appointment change remark', 'PATCH', APPOINTMENT, { remark: null }, 'remark'],
      ['reservation callData', 'POST', `${VDN}/appointments`, { ...RESERVATION, type: 'automatic', callData: null }, 'callData'],
      ['reservation remark', 'POST', `${VDN}/appointments`, { ...RESERVATION, remark: null }, 'remark'],
      ['file server host', 'POST', `${VDN}/file-servers`, { ...SERVER, host: null }, 'host'],
      ['file server password', 'PUT', `${VDN}/file-servers/164690088271159234793429225848`, { ...SERVER, password: null }, 'password'],
    ])('%s', async (_name, method, path, body, param) => {
      expect(await reasonFor(await send(method, path, body), param)).toContain('must not be null');
    });

    it('keeps null inside free-form callData (a JSON object iSales stores as text)', async () => {
      const response = await send('POST', `${VDN}/appointments`, { ...RESERVATION, type: 'automatic', callData: { note: null } });
      expect(response.status).toBe(201);
    });
  });

  describe('instants iSales can take: 1970 to 9999, refused as out of range otherwise', () => {
    it.each([
      ['before 1970', `${VDN}/appointments?to=1969-12-31T23:59:59Z`, 'to'],
      ['year 0027, a valid date-time', `${VDN}/appointments?to=0027-12-07T00:26:13Z`, 'to'],
      ['before the epoch by its offset', `${VDN}/appointments?from=1970-01-01T00:30:00%2B01:00`, 'from'],
    ])('%s', async (_name, path, param) => {
      const reason = await reasonFor(await stack.get(path), param);
      expect(reason).toContain('out of range');
      expect(reason).not.toContain('ISO 8601');
    });

    it('refuses a reservation before 1970 by its field', async () => {
      expect(await reasonFor(await send('POST', `${VDN}/appointments`, { ...RESERVATION, appointedAt: '1969-07-20T20:17:40Z' }), 'appointedAt')).toContain(
        'out of range',
      );
    });

    it.each(['2025-02-30T00:00:00Z', '2025-05-15T09:00Z', '2025-05-15 09:00:00Z', '2025-05-15T09:00:00', 'tomorrow'])(
      'refuses %s as not a date and time',
      async (to) => {
        expect(await reasonFor(await stack.get(`${VDN}/appointments?to=${encodeURIComponent(to)}`), 'to')).toContain('ISO 8601');
      },
    );

    it('takes the first instant iSales can and an offset', async () => {
      const response = await stack.get(`${VDN}/appointments?from=1970-01-01T00:00:00Z&to=2025-05-15T17:00:00.5%2B08:00`);
      expect(response.status).toBe(200);
      expect(stack.upstreamBodies('appointList')).toEqual([expect.objectContaining({ beginTime: 0, endTime: Date.parse('2025-05-15T09:00:00.5Z') })]);
    });
  });

  describe('control characters and bidirectional overrides in any string of a write: 400 naming the field', () => {
    it.each([
      ['NUL', '\u0000'],
      ['BEL', '\u0007'],
      ['DEL', '\u007f'],
      ['U+202E (right-to-left override)', '\u202e'],
      ['U+2066 (left-to-right isolate)', '\u2066'],
    ])('%s in a username', async (_name, character) => {
      expect(await reasonFor(await send('POST', `${VDN}/file-servers`, { ...SERVER, username: `isa${character}les` }), 'username')).toContain(
        'control characters',
      );
    });

    it.each([
      ['a password', 'POST', `${VDN}/file-servers`, { ...SERVER, password: 'S3cure\u0000pass' }, 'password'],
      ['a remark', 'POST', `${VDN}/appointments`, { ...RESERVATION, remark: 'call \u202eback' }, 'remark'],
      ['a remark with a line break', 'PATCH', APPOINTMENT, { remark: 'line\nbreak' }, 'remark'],
      ['a sub-result name', 'POST', `${VDN}/business-results`, { name: 'Call failed', children: [{ name: 'no\u0007answer' }] }, 'children.0.name'],
      ['a business result description', 'POST', `${VDN}/business-results`, { name: 'Call failed', description: 'x\u2067y' }, 'description'],
      [
        'a value inside callData',
        'POST',
        `${VDN}/appointments`,
        { ...RESERVATION, type: 'automatic', callData: { fullName: 'Lin\u202eZihang' } },
        'callData.fullName',
      ],
      ['callData as a string', 'POST', `${VDN}/appointments`, { ...RESERVATION, type: 'automatic', callData: 'a\u0000b' }, 'callData'],
    ])('%s', async (_name, method, path, body, param) => {
      expect(await reasonFor(await send(method, path, body), param)).toContain('control characters');
    });
  });

  describe('keys named like Object.prototype members: refused like any unknown key', () => {
    it.each(['toString', 'hasOwnProperty', 'valueOf', 'constructor', 'isPrototypeOf'])('?%s=1 on a list', async (name) => {
      await reasonFor(await stack.get(`${VDN}/file-servers?${name}=1`), name);
    });

    it.each([
      ['a body key hasOwnProperty', 'POST', `${VDN}/file-servers`, { ...SERVER, hasOwnProperty: 'x' }, 'hasOwnProperty'],
      ['a body key toString', 'PATCH', APPOINTMENT, { remark: 'x', toString: 'y' }, 'toString'],
      ['a nested key valueOf', 'POST', `${VDN}/business-results`, { name: 'Call failed', children: [{ name: 'x', valueOf: 1 }] }, 'children.0.valueOf'],
    ])('%s', async (_name, method, path, body, param) => {
      await reasonFor(await send(method, path, body), param);
    });
  });

  describe('rules the document states as minProperties and oneOf', () => {
    it.each([
      ['PATCH', APPOINTMENT],
      ['PUT', `${APPOINTMENT}/result`],
    ])('%s %s with {}: 400 naming the body', async (method, path) => {
      expect(await reasonFor(await send(method, path, {}), 'body')).toContain('at least one of');
    });

    it('callData on a manual reservation: 400 naming callData', async () => {
      expect(await reasonFor(await send('POST', `${VDN}/appointments`, { ...RESERVATION, callData: { a: 'b' } }), 'callData')).toContain('manual');
    });
  });

  // The edge (src/edge) refuses credentials in onRequest, before the body is read or parsed.
  describe('without valid credentials, a write with a bad body answers 401 (the refusal comes before the body)', () => {
    it.each([
      ['malformed JSON, no credentials', {}, '{"name":'],
      ['an empty JSON body, no credentials', {}, ''],
      ['malformed JSON, a wrong API key', { 'x-api-key': 'not-a-key' }, '{"name":'],
    ])('%s', async (_name, headers, body) => {
      const response = await stack.request(`${VDN}/business-results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        credentials: 'omit',
      });
      expect(response.status).toBe(401);
      expect(stack.simulator.requests).toHaveLength(0);
    });
  });
});
