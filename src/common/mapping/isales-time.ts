import { stringOrNull } from './values';

/**
 * iSales' `yyyy-MM-dd HH:mm:ss` times, which the campaign pages write in UTC (campaign create: "UTC";
 * docs/isales/next-api-choices.md says why the blocklist's are read the same way).
 */
const ISALES_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** An iSales time as ISO 8601 UTC; "" and null are null; anything else unreadable is kept as its raw string. */
export function utcTimeOrNull(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') return stringOrNull(value);
  const parts = ISALES_TIME.exec(value);
  if (!parts) return value;
  const ms = Date.parse(`${parts[1]}-${parts[2]}-${parts[3]}T${parts[4]}:${parts[5]}:${parts[6]}Z`);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** An instant as iSales' `yyyy-MM-dd HH:mm:ss` in UTC (fractions of a second dropped). */
export function toIsalesUtcTime(instant: string): string {
  return new Date(Date.parse(instant)).toISOString().slice(0, 19).replace('T', ' ');
}
