import { FILE_SERVER_EXAMPLE, FILE_SERVER_EXAMPLES } from '../../src/modules/file-servers/file-server.example';
import { toJsonSchema } from './openapi-schema';
import { assertResponseMatchesContract, ObservedResponse, responseContract } from './response-contract';

const LIST = '/api/v1/vdns/1/file-servers?page=1';
const ONE = `/api/v1/vdns/1/file-servers/${FILE_SERVER_EXAMPLE.id}`;
const JSON_TYPE = 'application/json; charset=utf-8';
const PROBLEM_TYPE = 'application/problem+json';
const PROBLEM = {
  type: 'urn:isales-gateway:problem:not-found',
  title: 'Not found',
  status: 404,
  detail: 'No file server 1 in VDN 1',
  instance: '/api/v1/vdns/1/file-servers/1',
  requestId: 'r-1',
};

function observe(url: string, status: number, body: unknown, contentType: string | null = JSON_TYPE, method = 'GET'): ObservedResponse {
  return { method, url, status, contentType, body: body === undefined ? '' : JSON.stringify(body) };
}

const violations = (observed: ObservedResponse) => responseContract().violations(observed);

describe('the response contract (openapi.json as a checker)', () => {
  it('accepts what the document declares, nulls included', () => {
    expect(violations(observe(LIST, 200, { items: FILE_SERVER_EXAMPLES, page: 1, pageSize: 20, total: 5 }))).toEqual([]);
    expect(violations(observe(LIST, 200, { items: [], page: 9, pageSize: 20, total: null }))).toEqual([]);
    expect(violations(observe(ONE, 200, { id: '1', host: null, port: null, path: null, username: null }))).toEqual([]);
  });

  it('fails a field the document does not declare', () => {
    const leaky = { ...FILE_SERVER_EXAMPLE, password: 'hunter2' };
    expect(violations(observe(ONE, 200, leaky))).toEqual(["(body) must NOT have additional properties 'password'"]);
    expect(violations(observe(LIST, 200, { items: [leaky], page: 1, pageSize: 20, total: 1 }))).toEqual([
      "/items/0 must NOT have additional properties 'password'",
    ]);
  });

  it('fails a required field that is missing, and a value of the wrong type', () => {
    const { username: _omitted, ...withoutUsername } = FILE_SERVER_EXAMPLE;
    expect(violations(observe(ONE, 200, withoutUsername))).toEqual(["(body) must have required property 'username'"]);
    expect(violations(observe(ONE, 200, { ...FILE_SERVER_EXAMPLE, port: '22' }))).toEqual(['/port must be number,null']);
  });

  it('holds problem details to the ProblemDetails schema, under application/problem+json', () => {
    expect(violations(observe(ONE, 404, PROBLEM, PROBLEM_TYPE))).toEqual([]);
    expect(violations(observe(ONE, 404, { ...PROBLEM, upstream: { code: '0200033', description: 'x' } }, PROBLEM_TYPE))).toEqual([]);
    expect(violations(observe(ONE, 404, { ...PROBLEM, stack: 'Error: at ...' }, PROBLEM_TYPE))).toEqual(["(body) must NOT have additional properties 'stack'"]);
    const { requestId: _omitted, ...withoutRequestId } = PROBLEM;
    expect(violations(observe(ONE, 404, withoutRequestId, PROBLEM_TYPE))).toEqual(["(body) must have required property 'requestId'"]);
    expect(violations(observe(ONE, 404, PROBLEM, JSON_TYPE))).toEqual([
      'content-type application/json; charset=utf-8 is not declared for 404 (declared: application/problem+json)',
    ]);
  });

  it('fails a status the route does not declare', () => {
    expect(violations(observe(ONE, 418, PROBLEM, PROBLEM_TYPE))).toEqual([expect.stringMatching(/^status 418 is not declared \(declared: 200, 400, /)]);
  });

  it('wants no body where none is declared (304, 204), and picks /cache over /{code}', () => {
    expect(violations(observe('/api/v1/vdns/1/business-results/11111', 304, undefined, null))).toEqual([]);
    expect(violations(observe('/api/v1/vdns/1/business-results/11111', 304, PROBLEM, PROBLEM_TYPE))).toEqual([
      expect.stringMatching(/^status 304 declares no body/),
    ]);
    expect(violations(observe('/api/v1/vdns/1/business-results/cache', 204, undefined, null, 'DELETE'))).toEqual([]);
  });

  it('leaves routes the document does not describe alone', () => {
    expect(violations(observe('/health/ready', 200, { anything: true }))).toEqual([]);
    expect(violations(observe('/api/v1/vdns/1/file-servers', 200, 'x', 'text/plain', 'PATCH'))).toEqual([]);
  });

  it('throws a readable error for a Response that departs from the document, and reads only a clone', async () => {
    const response = new Response(JSON.stringify({ ...FILE_SERVER_EXAMPLE, password: 'x' }), { status: 200, headers: { 'content-type': JSON_TYPE } });
    await expect(assertResponseMatchesContract('GET', `http://127.0.0.1:1${ONE}`, response)).rejects.toThrow(
      `GET ${ONE} answered 200 unlike openapi.json:\n  (body) must NOT have additional properties 'password'`,
    );
    expect(response.bodyUsed).toBe(false);
  });
});

describe('OpenAPI 3.0 schemas as JSON Schema', () => {
  const ref = (name: string) => `x#/${name}`;

  it('turns nullable into a null type, also for enums and references', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, example: 'a' }, { closed: false, ref })).toEqual({ type: ['string', 'null'] });
    expect(toJsonSchema({ type: 'string', enum: ['a'], nullable: true }, { closed: false, ref })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(toJsonSchema({ allOf: [{ $ref: '#/components/schemas/A' }], nullable: true }, { closed: false, ref })).toEqual({
      anyOf: [{ allOf: [{ $ref: 'x#/A' }] }, { type: 'null' }],
    });
  });

  it('closes objects only when asked, and never one that says what else it allows', () => {
    const open = { type: 'object', properties: { a: { type: 'object', properties: {} } } };
    expect(toJsonSchema(open, { closed: true, ref })).toEqual({
      type: 'object',
      properties: { a: { type: 'object', properties: {}, additionalProperties: false } },
      additionalProperties: false,
    });
    expect(toJsonSchema(open, { closed: false, ref })).toEqual(open);
    const map = { type: 'object', additionalProperties: { type: 'string' } };
    expect(toJsonSchema(map, { closed: true, ref })).toEqual(map);
  });
});
