import { instantInZone, isalesTimeInZone, isTimeZone, toIsalesTimeInZone } from './zoned-time';

describe('isalesTimeInZone', () => {
  it.each([
    ['2022-02-10 11:45:43', 'Asia/Shanghai', '2022-02-10T11:45:43+08:00'],
    ['2022-02-10 11:45:43', 'UTC', '2022-02-10T11:45:43+00:00'],
    ['2022-02-10 11:45:43', '+05:30', '2022-02-10T11:45:43+05:30'],
    ['2022-07-10 11:45:43', 'Europe/Paris', '2022-07-10T11:45:43+02:00'],
    ['2022-01-10 11:45:43', 'Europe/Paris', '2022-01-10T11:45:43+01:00'],
    ['2020-08-30 20:00:00', 'America/Sao_Paulo', '2020-08-30T20:00:00-03:00'],
    ['2022-02-10T11:45:43', 'Asia/Shanghai', '2022-02-10T11:45:43+08:00'],
    ['2022-02-10 11:45:43.250', 'UTC', '2022-02-10T11:45:43.250+00:00'],
  ])('reads %j in %s as %j', (raw, zone, expected) => {
    expect(isalesTimeInZone(raw, zone)).toBe(expected);
  });

  it('shows a time that carries its own offset, or epoch milliseconds, in the tenant zone', () => {
    expect(isalesTimeInZone('2022-02-10T03:45:43Z', 'Asia/Shanghai')).toBe('2022-02-10T11:45:43+08:00');
    expect(isalesTimeInZone('2022-03-11T07:27:09.000+00:00', 'Asia/Shanghai')).toBe('2022-03-11T15:27:09+08:00');
    expect(isalesTimeInZone(1644464743000, 'Asia/Shanghai')).toBe('2022-02-10T11:45:43+08:00');
    expect(isalesTimeInZone('1644464743000', 'UTC')).toBe('2022-02-10T03:45:43+00:00');
  });

  it('resolves the hour a DST change repeats or skips to one instant', () => {
    // 02:30 does not exist in Paris on 2022-03-27; 02:30 happens twice on 2022-10-30.
    expect(isalesTimeInZone('2022-03-27 02:30:00', 'Europe/Paris')).toBe('2022-03-27T03:30:00+02:00');
    expect(isalesTimeInZone('2022-10-30 02:30:00', 'Europe/Paris')).toMatch(/^2022-10-30T02:30:00\+0[12]:00$/);
  });

  it('keeps empty values null and unreadable ones as their raw text', () => {
    expect(isalesTimeInZone('', 'UTC')).toBeNull();
    expect(isalesTimeInZone(null, 'UTC')).toBeNull();
    expect(isalesTimeInZone(undefined, 'UTC')).toBeNull();
    expect(isalesTimeInZone('2022-02-30 11:45:43', 'UTC')).toBe('2022-02-30 11:45:43');
    expect(isalesTimeInZone('2022-02-10 24:00:00', 'UTC')).toBe('2022-02-10 24:00:00');
    expect(isalesTimeInZone('soon', 'UTC')).toBe('soon');
    expect(isalesTimeInZone(-1, 'UTC')).toBe('-1');
    expect(isalesTimeInZone({ at: 1 }, 'UTC')).toBe('{"at":1}');
  });
});

describe('isTimeZone and instantInZone', () => {
  it('knows IANA zones and fixed offsets, and refuses anything else', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('-03:00')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('writes milliseconds only when there are some', () => {
    expect(instantInZone(Date.UTC(2022, 1, 10, 3, 45, 43, 7), 'UTC')).toBe('2022-02-10T03:45:43.007+00:00');
  });
});

describe('toIsalesTimeInZone', () => {
  it('writes an instant as the zone\u2019s wall clock, without a zone or a fraction', () => {
    expect(toIsalesTimeInZone('2021-01-05T10:06:25.900Z', 'UTC')).toBe('2021-01-05 10:06:25');
    expect(toIsalesTimeInZone('2021-01-05T18:06:25+08:00', 'Asia/Shanghai')).toBe('2021-01-05 18:06:25');
    expect(toIsalesTimeInZone('2021-07-01T12:00:00Z', 'Europe/Paris')).toBe('2021-07-01 14:00:00');
  });

  it('is read back as the same instant', () => {
    expect(isalesTimeInZone(toIsalesTimeInZone('2030-12-31T02:06:25Z', 'Asia/Shanghai'), 'Asia/Shanghai')).toBe('2030-12-31T10:06:25+08:00');
  });
});
