import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { INSTANT_PATTERN, IsInstant } from './instant';

class Probe {
  @IsInstant()
  at: string;
}

function reasons(at: unknown): string[] {
  return validateSync(plainToInstance(Probe, { at })).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('IsInstant', () => {
  it.each([
    '1970-01-01T00:00:00Z',
    '2025-05-15T09:00:00Z',
    '2025-05-15T17:00:00+08:00',
    '2025-05-15t09:00:00.123456789z',
    '2024-02-29T00:00:00Z',
    '9999-12-31T23:59:59-05:00',
  ])('takes %s', (at) => {
    expect(reasons(at)).toEqual([]);
    expect(INSTANT_PATTERN.test(at)).toBe(true);
  });

  it.each(['1969-12-31T23:59:59Z', '0027-12-07T00:26:13Z', '0000-01-01T00:00:00Z', '1970-01-01T00:30:00+01:00'])('refuses %s as out of range', (at) => {
    expect(reasons(at)).toEqual([expect.stringContaining('out of range')]);
  });

  it.each([
    '2025-02-29T00:00:00Z',
    '2025-04-31T00:00:00Z',
    '2025-05-15T09:00Z',
    '2025-05-15T09:00:00',
    '2025-05-15 09:00:00Z',
    '2025-05-15T24:00:00Z',
    '2025-05-15T09:00:60Z',
    '2025-05-15T09:00:00+0800',
    'now',
    17,
  ])('refuses %s as not a date and time', (at) => {
    expect(reasons(at)).toEqual([expect.stringContaining('ISO 8601')]);
  });
});
