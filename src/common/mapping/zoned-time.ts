/**
 * iSales' zone-less times (`yyyy-mm-dd hh:mm:ss`: call results, the result callback's `callTimeStr`)
 * are wall-clock times of the tenant's zone; this turns them into ISO 8601 with that zone's offset
 * stated (docs/isales/call-results-choices.md §1). Pure: the zone is a parameter, never the host's.
 */

/** How the document describes such a time. */
export const ZONED_TIME_DESCRIPTION = 'ISO 8601 with the tenant\u2019s UTC offset (iSales sends the tenant\u2019s wall clock without a zone)';

const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** One formatter per zone, built on first use: the zone's wall clock at an instant. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** An IANA zone (`Asia/Shanghai`) or a fixed offset (`+08:00`) this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in minutes (east positive). */
function offsetMinutesAt(zone: string, utcMs: number): number {
  const seconds = Math.floor(utcMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatterOf(zone).formatToParts(seconds)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wall - seconds) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as the zone's wall clock with its offset, e.g. `2022-02-10T11:45:43+08:00` (milliseconds only when not zero). */
export function instantInZone(utcMs: number, zone: string): string {
  const offset = offsetMinutesAt(zone, utcMs);
  const local = new Date(utcMs + offset * 60_000);
  const ms = local.getUTCMilliseconds();
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (ms === 0 ? '' : `.${pad(ms, 3)}`) +
    offsetText(offset)
  );
}

/** The instant a zone's wall-clock time names; a time skipped by a DST change resolves to the offset before it. */
function wallTimeToUtc(wallMs: number, zone: string): number {
  const first = wallMs - offsetMinutesAt(zone, wallMs) * 60_000;
  const second = wallMs - offsetMinutesAt(zone, first) * 60_000;
  return offsetMinutesAt(zone, second) === offsetMinutesAt(zone, first) ? first : second;
}

function parseZoneless(text: string): number | null {
  const match = ZONELESS.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const ms = match[7] === undefined ? 0 : Number(match[7].padEnd(3, '0'));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  // Date.UTC rolls 2022-02-30 over to March: such a value is not a date.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return wall;
}

/**
 * An iSales time as ISO 8601 in the tenant's zone. Tolerant of what iSales might send instead: a
 * time that already carries an offset, or epoch milliseconds, is the same instant shown in the
 * zone. Empty strings and nulls are null; anything unreadable is kept as its raw string rather than
 * dropped or guessed at.
 */
export function isalesTimeInZone(value: unknown, zone: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? instantInZone(value, zone) : String(value);
  if (typeof value !== 'string') return JSON.stringify(value) ?? null;
  const text = value.trim();
  const wall = parseZoneless(text);
  if (wall !== null) return instantInZone(wallTimeToUtc(wall, zone), zone);
  if (WITH_OFFSET.test(text)) {
    const at = Date.parse(text.replace(' ', 'T'));
    if (!Number.isNaN(at)) return instantInZone(at, zone);
  }
  if (/^\d{1,15}$/.test(text)) return instantInZone(Number(text), zone);
  return value;
}

/**
 * An instant (ISO 8601 with a zone) as iSales' zone-less `yyyy-MM-dd HH:mm:ss` in the given zone, fractions of a second
 * dropped: what the gateway sends where iSales takes a time (a do-not-call expiry, the campaign list's filters).
 */
export function toIsalesTimeInZone(instant: string, zone: string): string {
  return instantInZone(Math.floor(Date.parse(instant) / 1000) * 1000, zone)
    .slice(0, 19)
    .replace('T', ' ');
}
