import { ISALES_ERROR_TABLES } from '../src/upstream/operations.catalogue';
import { BusinessResultDto, BusinessResultPageDto } from '../src/modules/business-results/dto/business-result.dto';
import { ProblemDetails } from '../src/common/errors/problem';
import { requestGateway, useReplicas, useStack } from './support/harness';
import { jsonInit } from './support/json-request';
import { expectRejectedBeforeUpstream, expectUpstreamCodeMapped } from './support/problem-expectations';

const RESULTS = '/api/v1/vdns/1/business-results';
let counter = 0;
const uniqueCode = () => `e2e-${process.pid}-${++counter}`;

describe('business-result writes (gateway + simulator over HTTP)', () => {
  const stack = useStack();
  const send = (body: unknown) => stack.request(RESULTS, jsonInit('POST', body));
  const json = async <T>(response: Response) => (await response.json()) as T;

  it('adds a definition (201, Location), answers it as iSales now lists it, and the cached tree shows it at once', async () => {
    expect((await stack.get(RESULTS)).headers.get('x-cache')).toMatch(/miss|hit/);
    const code = uniqueCode();
    const response = await send({
      name: '呼叫失败',
      code,
      description: '呼叫失败',
      children: [{ name: '客户直接挂断', code: `${code}-a` }, { name: '客户关机' }],
    });
    expect(response.status).toBe(201);
    const added = await json<BusinessResultDto>(response);
    expect(added).toEqual({
      code,
      name: '呼叫失败',
      children: [
        { code: `${code}-a`, name: '客户直接挂断' },
        { code: expect.stringMatching(/^\d{30}$/), name: '客户关机' },
      ],
    });
    expect(response.headers.get('location')).toBe(`${RESULTS}/${code}`);
    expect(stack.upstreamBodies('addBusinessResult')).toEqual([
      { name: '呼叫失败', code, description: '呼叫失败', children: [{ name: '客户直接挂断', code: `${code}-a` }, { name: '客户关机' }] },
    ]);

    const one = await stack.get(response.headers.get('location')!);
    expect(one.status).toBe(200);
    expect(await json(one)).toEqual({ ...added, level: 'parent', parentCode: null });
    const child = await json<BusinessResultDto>(await stack.get(`${RESULTS}/${added.children[1].code}`));
    expect(child).toMatchObject({ name: '客户关机', level: 'child', parentCode: code });
  });

  it('answers the code iSales made up for a definition sent without one', async () => {
    const name = `No code ${uniqueCode()}`;
    const response = await send({ name });
    expect(response.status).toBe(201);
    const added = await json<BusinessResultDto>(response);
    expect(added).toEqual({ code: expect.stringMatching(/^\d{30}$/), name, children: [] });
    expect(response.headers.get('location')).toBe(`${RESULTS}/${added.code}`);
    const page = await json<BusinessResultPageDto>(await stack.get(`${RESULTS}?pageSize=100`));
    expect(page.items.at(-1)).toEqual(added);
  });

  it('maps iSales\u2019 refusal of a code already used to a 400 with its code', async () => {
    const response = await send({ name: 'again', code: '11111' });
    expect(response.status).toBe(400);
    expect((await json<ProblemDetails>(response)).upstream).toMatchObject({ code: '0200001' });
  });

  describe('invalid input: 400 and no upstream call', () => {
    it.each([
      ['no name', { code: 'x1' }, 'name'],
      ['a 51-character name', { name: 'n'.repeat(51) }, 'name'],
      ['a name with <', { name: 'a<b' }, 'name'],
      ['a code with _', { name: 'n', code: 'a_b' }, 'code'],
      ['a 201-character description', { name: 'n', description: 'd'.repeat(201) }, 'description'],
      ['children that are not a list', { name: 'n', children: { name: 'c' } }, 'children'],
      ['a child without a name', { name: 'n', children: [{ code: 'c1' }] }, 'children.0.name'],
      ['a child with the parent\u2019s code', { name: 'n', code: 'c1', children: [{ name: 'c', code: 'c1' }] }, 'children'],
      ['101 children', { name: 'n', children: Array.from({ length: 101 }, (_, i) => ({ name: `c${i}` })) }, 'children'],
      ['a field iSales does not know', { name: 'n', defLevel: '1' }, 'defLevel'],
    ])('%s', async (_case, body, param) => {
      await expectRejectedBeforeUpstream(stack, await send(body), param);
    });
  });

  it.each(Object.entries(ISALES_ERROR_TABLES.addBusinessResult))('addBusinessResult %s -> %s', async (code, outcome) => {
    stack.simulator.setFault('addBusinessResult', { resultCode: code, resultDesc: 'x' });
    await expectUpstreamCodeMapped(stack, await send({ name: 'n' }), code, outcome);
  });
});

describe('business-result writes across replicas on one Redis', () => {
  const replicas = useReplicas([{}, {}]);

  it('after a definition is added through one replica, the other serves it at once', async () => {
    const [a, b] = replicas.gateways;
    const tree = async () => (await (await requestGateway(b, `${RESULTS}?pageSize=100`)).json()) as BusinessResultPageDto;
    const before = await tree();
    expect((await requestGateway(b, RESULTS)).headers.get('x-cache')).toBe('hit');
    const code = uniqueCode();
    const added = await requestGateway(a, RESULTS, jsonInit('POST', { name: 'Added on A', code }));
    expect(added.status).toBe(201);
    const after = await tree();
    expect(after.total).toBe(before.total + 1);
    expect(after.items.at(-1)).toEqual({ code, name: 'Added on A', children: [] });
    expect((await requestGateway(b, `${RESULTS}/${code}`)).status).toBe(200);
  });
});
