import { ConfigError, EnvReader } from './env-parser';
import { readTenantTimeZones, timeZoneOf } from './isales-time-zones.config';

function read(env: Record<string, string>) {
  const reader = new EnvReader(env);
  const zones = readTenantTimeZones(reader);
  reader.done();
  return zones;
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    read(env);
  } catch (error) {
    return (error as ConfigError).problems as string[];
  }
  return [];
}

describe('tenant time zones (ISALES_TIME_ZONE, ISALES_TIME_ZONES)', () => {
  it('defaults to UTC for every VDN', () => {
    const zones = read({});
    expect(timeZoneOf(zones, 1)).toBe('UTC');
  });

  it('takes a default and zones per VDN', () => {
    const zones = read({ ISALES_TIME_ZONE: '+01:00', ISALES_TIME_ZONES: '{"8":"Asia/Shanghai","12":"Europe/Paris"}' });
    expect(timeZoneOf(zones, 8)).toBe('Asia/Shanghai');
    expect(timeZoneOf(zones, 12)).toBe('Europe/Paris');
    expect(timeZoneOf(zones, 1)).toBe('+01:00');
  });

  it('names each variable at fault', () => {
    expect(problemsOf({ ISALES_TIME_ZONE: 'Mars/Olympus' })).toEqual([expect.stringMatching(/^ISALES_TIME_ZONE: /)]);
    expect(problemsOf({ ISALES_TIME_ZONES: '[]' })).toEqual([expect.stringMatching(/^ISALES_TIME_ZONES: must be a JSON object/)]);
    expect(problemsOf({ ISALES_TIME_ZONES: 'not json' })).toHaveLength(1);
    expect(problemsOf({ ISALES_TIME_ZONES: '{"0":"UTC","10000":"UTC","x":"UTC"}' })).toHaveLength(3);
    expect(problemsOf({ ISALES_TIME_ZONES: '{"3":"Nowhere/Land","4":4}' })).toEqual([expect.stringContaining('VDN 3'), expect.stringContaining('VDN 4')]);
  });
});
