import { SEED_EXAMPLES } from '../../../simulator/data/seed-vdn1';
import { toBusinessResult, toIsalesBusinessResult, toRequestedBusinessResult } from './business-result.mapper';
import { BUSINESS_RESULT_EXAMPLES } from './business-result.example';

// queryBusinessResults' (docs/isales/operations.md#queryBusinessResults) example tree, as the simulator serves it.
const seed = SEED_EXAMPLES.businessResults;

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
