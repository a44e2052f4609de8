import { toBusinessResult, toIsalesBusinessResult, toRequestedBusinessResult } from './business-result.mapper';
import { BUSINESS_RESULT_EXAMPLES } from './business-result.example';

// queryBusinessResults' (docs/isales/operations.md#queryBusinessResults) example tree, verbatim.
const seed = [
  {
    code: '11111',
    children: [
      { code: '12324', name: 'sub02', defLevel: '2' },
      { code: '1232', name: 'sub01', defLevel: '2' },
    ],
    name: 'test111',
    defLevel: '1',
  },
  { code: 'test', children: [], name: 'test0903', defLevel: '1' },
  {
    code: '15105671',
    children: [
      { code: '754646', name: 'Call interrupted', defLevel: '2' },
      { code: 'ob-12', name: 'Multiple local officials', defLevel: '2' },
    ],
    name: 'Failed 4up',
    defLevel: '1',
  },
];

describe('toBusinessResult', () => {
  it('normalises the seed tree (defLevel is implied by nesting)', () => {
    expect(seed.map(toBusinessResult)).toEqual(BUSINESS_RESULT_EXAMPLES);
  });

  it('keeps missing values as null and a missing children list as empty', () => {
    expect(toBusinessResult({})).toEqual({ code: null, name: null, children: [] });
  });
});

describe('business-result writes as iSales bodies', () => {
  // addBusinessResult's example (docs/isales/write-api-notes.md section 9).
  const example = {
    name: '呼叫失败',
    code: '123456',
    description: '呼叫失败',
    children: [
      { name: '客户直接挂断', code: '100001', description: '客户直接挂断' },
      { name: '客户关机', code: '100002', description: '客户关机' },
    ],
  };

  it('sends the page\u2019s example as it is', () => {
    expect(toIsalesBusinessResult(example)).toEqual(example);
  });

  it('leaves out what is not given', () => {
    expect(toIsalesBusinessResult({ name: 'n', children: [{ name: 'c' }] })).toEqual({ name: 'n', children: [{ name: 'c' }] });
    expect(toIsalesBusinessResult({ name: 'n' })).toEqual({ name: 'n' });
  });

  it('answers the definition as requested when iSales does not list it (unknown codes are null)', () => {
    expect(toRequestedBusinessResult({ name: 'n', children: [{ name: 'c', code: 'c1' }, { name: 'd' }] })).toEqual({
      code: null,
      name: 'n',
      children: [
        { code: 'c1', name: 'c' },
        { code: null, name: 'd' },
      ],
    });
  });
});
