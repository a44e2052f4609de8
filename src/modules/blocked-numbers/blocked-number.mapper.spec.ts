import { alreadyBlocked, duplicateNumbers, toBlockedNumber, toBlocklistQuery, toIsalesBlocklist } from './blocked-number.mapper';
import { BLOCKED_NUMBER_EXAMPLES } from './blocked-number.example';
import { IsalesBlockedNumber } from '../../upstream/isales.types';

const asSentByIsales = (record: Record<string, unknown>) => record as unknown as IsalesBlockedNumber;

describe('toBlockedNumber', () => {
  it('normalises a page of records (blocklist/query\u2019s table 5: blockNum, validityExpirationTime)', () => {
    const page = [
      { validityExpirationTime: '2030-12-31 10:06:25', blockNum: '13100000000' },
      { validityExpirationTime: '', blockNum: '13100000001' },
    ];
    expect(page.map((entry) => toBlockedNumber(entry, 'UTC'))).toEqual(BLOCKED_NUMBER_EXAMPLES);
  });

  it('reads an expiry as the tenant\u2019s wall clock (no blocklist page states a zone)', () => {
    const entry = asSentByIsales({ blockNum: '1', validityExpirationTime: '2030-12-31 10:06:25' });
    expect(toBlockedNumber(entry, 'Asia/Shanghai').expiresAt).toBe('2030-12-31T10:06:25+08:00');
  });

  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
    [undefined, null],
    ['1', null],
  ])('reads flag %j as valid %j', (flag, valid) => {
    expect(toBlockedNumber(asSentByIsales({ blockNum: '1', flag }), 'UTC').valid).toBe(valid);
  });
});

describe('blocked numbers as iSales bodies', () => {
  it('asks for a page or for numbers, never both', () => {
    expect(toBlocklistQuery({ page: 3, pageSize: 20 })).toEqual({ offset: 40, limit: 20 });
    expect(toBlocklistQuery({ numbers: ['1', '2'] })).toEqual({ blocklist: ['1', '2'] });
  });

  it('sends a period in hours without a unit, an expiry as the tenant\u2019s wall clock', () => {
    expect(toIsalesBlocklist({ numbers: ['1'], validityHours: 120 }, 'UTC')).toEqual({ blocklist: ['1'], validityTime: 120 });
    expect(toIsalesBlocklist({ numbers: ['1'], expiresAt: '2021-01-05T18:06:25.900+08:00' }, 'UTC')).toEqual({
      blocklist: ['1'],
      validityExpirationTime: '2021-01-05 10:06:25',
    });
    expect(toIsalesBlocklist({ numbers: ['1'], expiresAt: '2021-01-05T10:06:25Z' }, 'Asia/Shanghai')).toEqual({
      blocklist: ['1'],
      validityExpirationTime: '2021-01-05 18:06:25',
    });
    expect(toIsalesBlocklist({ numbers: ['1'] }, 'UTC')).toEqual({ blocklist: ['1'] });
  });
});

describe('numbers at fault, by position', () => {
  it('names every repetition after the first', () => {
    expect(duplicateNumbers(['1', '2', '1', '1'])).toEqual([
      { name: 'numbers[2]', reason: 'is the same number as numbers[0]' },
      { name: 'numbers[3]', reason: 'is the same number as numbers[0]' },
    ]);
    expect(duplicateNumbers(['1', '2'])).toEqual([]);
  });

  it('names the numbers blocked and in force, not an expired block', () => {
    const blocked = [
      { number: '2', expiresAt: null, valid: true },
      { number: '3', expiresAt: '2020-01-01T00:00:00+00:00', valid: false },
    ];
    expect(alreadyBlocked(['1', '2', '3'], blocked)).toEqual([{ name: 'numbers[1]', reason: 'is already blocked' }]);
  });
});
