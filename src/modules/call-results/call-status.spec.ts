import { toCallStatus } from './call-status';

describe('toCallStatus', () => {
  it.each([
    [5, 'failed'],
    ['5', 'failed'],
    [6, 'succeeded'],
    ['6', 'succeeded'],
    [' 6 ', 'succeeded'],
    [7, '7'],
    ['0', '0'],
    ['busy', 'busy'],
    [true, 'true'],
    [null, null],
    [undefined, null],
    ['', null],
  ])('reads %j as %j', (raw, expected) => {
    expect(toCallStatus(raw)).toBe(expected);
  });
});
