import { isTimeZone } from '../common/mapping/zoned-time';
import { EnvReader } from './env-parser';

const DEFAULT_ZONE = 'ISALES_TIME_ZONE';
const ZONES = 'ISALES_TIME_ZONES';

/**
 * The zone of iSales' zone-less times, per tenant (docs/isales/call-results-choices.md §1): iSales
 * sends a tenant's wall clock and never says which zone it is in.
 */
export interface TenantTimeZones {
  /** Every VDN not listed: ISALES_TIME_ZONE, default UTC. */
  readonly fallback: string;
  /** ISALES_TIME_ZONES: {"8": "Asia/Shanghai"}. */
  readonly byVdn: ReadonlyMap<number, string>;
}

/** The zone of one VDN's times. */
export function timeZoneOf(zones: TenantTimeZones, vdnId: number): string {
  return zones.byVdn.get(vdnId) ?? zones.fallback;
}

const ZONE_RULE = 'an IANA time zone (e.g. Asia/Shanghai) or an offset (e.g. +08:00)';

export function readTenantTimeZones(env: EnvReader): TenantTimeZones {
  const fallback = env.string(DEFAULT_ZONE, 'UTC');
  const problems: string[] = [];
  if (!isTimeZone(fallback)) env.problem(DEFAULT_ZONE, `must be ${ZONE_RULE}`);
  const byVdn = new Map<number, string>();
  const text = env.optionalString(ZONES);
  if (text !== undefined) {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      document = undefined;
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
      problems.push('must be a JSON object from VDN id to time zone, e.g. {"8":"Asia/Shanghai"}');
    } else {
      // Problems name VDNs by number and never echo a value back.
      for (const [key, zone] of Object.entries(document as Record<string, unknown>)) {
        const vdnId = /^\d{1,4}$/.test(key) ? Number(key) : NaN;
        if (!(vdnId >= 1 && vdnId <= 9999)) {
          problems.push('has a key that is not a VDN id from 1 to 9999');
        } else if (typeof zone !== 'string' || !isTimeZone(zone)) {
          problems.push(`VDN ${vdnId}: must be ${ZONE_RULE}`);
        } else {
          byVdn.set(vdnId, zone);
        }
      }
    }
  }
  for (const problem of problems) env.problem(ZONES, problem);
  return { fallback: isTimeZone(fallback) ? fallback : 'UTC', byVdn };
}
