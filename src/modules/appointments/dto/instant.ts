import { ValidateDocumented, ValidateWithSibling } from '../../../common/dto/documented-rule';

/**
 * An RFC 3339 date-time (what OpenAPI's `date-time` means): date, `T`, time with seconds, and a zone
 * (Z or an offset), years 1970 to 9999. Without a zone an instant is ambiguous; appoint/list wants
 * epoch milliseconds, which iSales takes only from 0 (before 1970 it answers 02000007).
 */
export const INSTANT_PATTERN =
  /^(?:19[7-9]\d|[2-9]\d{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** Any four-digit year: to tell a date out of range from something that is not a date at all. */
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})[Tt](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
export const EARLIEST_INSTANT = '1970-01-01T00:00:00Z';
export const LATEST_YEAR = 9999;

const SHAPE_MESSAGE = '$property must be an ISO 8601 (RFC 3339) date and time with seconds and a time zone, e.g. 2025-05-15T09:00:00Z';
const RANGE_MESSAGE = `$property is out of range: instants from ${EARLIEST_INSTANT} to ${LATEST_YEAR}-12-31T23:59:59Z`;

export function epochMsOf(value: string): number {
  return Date.parse(value);
}

function daysIn(year: number, month: number): number {
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0); // day 0 of the next month (setUTCFullYear, unlike Date.UTC, keeps years below 100)
  return lastDay.getUTCDate();
}

type Verdict = 'ok' | 'shape' | 'range';

function judge(value: unknown): Verdict {
  if (typeof value !== 'string') return 'shape';
  const shape = SHAPE.exec(value);
  if (!shape) return 'shape';
  const [year, month, day] = [Number(shape[1]), Number(shape[2]), Number(shape[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return 'shape';
  if (!INSTANT_PATTERN.test(value)) return 'range';
  // Date.parse reads years 0000-0099 as they are in this form; NaN never reaches here.
  return epochMsOf(value) >= 0 ? 'ok' : 'range';
}

function isInstant(value: unknown): boolean {
  return judge(value) === 'ok';
}

/** An ISO 8601 instant with a time zone, e.g. `2025-05-15T09:00:00Z` or `2025-05-15T17:00:00+08:00`, from 1970 to 9999. */
export function IsInstant(): PropertyDecorator {
  const decorators = [
    ValidateDocumented({
      name: 'isInstantShape',
      validate: (value) => judge(value) !== 'shape',
      message: SHAPE_MESSAGE,
      schema: () => ({ property: { type: 'string', format: 'date-time' } }),
    }),
    ValidateDocumented({
      name: 'isInstantInRange',
      validate: (value) => judge(value) !== 'range',
      message: RANGE_MESSAGE,
      schema: () => ({
        property: {
          pattern: INSTANT_PATTERN.source,
          description: `From ${EARLIEST_INSTANT} (as epoch milliseconds: iSales takes none below 0) to the end of ${LATEST_YEAR}.`,
        },
      }),
    }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** The start of a range must not be after its end (`other`); checked only when both are valid instants. */
export function IsNotAfter(other: string): PropertyDecorator {
  return ValidateWithSibling(other, {
    name: 'isNotAfter',
    validate: (value, end) => !isInstant(value) || !isInstant(end) || epochMsOf(value as string) <= epochMsOf(end as string),
    message: `$property must not be after ${other}`,
    schema: ([end]) => ({ property: { description: `Must not be after \`${String(end)}\`.`, 'x-not-after': end } }),
  });
}
