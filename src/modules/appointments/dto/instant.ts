import { IsISO8601, ValidateBy, ValidationArguments } from 'class-validator';

/**
 * A calendar date, a time and a zone (Z or an offset): without a zone an instant is ambiguous, and
 * appoint/list wants epoch milliseconds (the zh page says "in UTC"). IsISO8601 checks the calendar.
 */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function epochMsOf(value: string): number {
  return Date.parse(value);
}

function isInstant(value: unknown): boolean {
  return typeof value === 'string' && INSTANT_PATTERN.test(value) && Number.isFinite(epochMsOf(value));
}

/** An ISO 8601 instant with a time zone, e.g. `2025-05-15T09:00:00Z` or `2025-05-15T17:00:00+08:00`. */
export function IsInstant(): PropertyDecorator {
  const decorators = [
    IsISO8601({ strict: true, strictSeparator: true }, { message: '$property must be an ISO 8601 date and time' }),
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: () => '$property must be an ISO 8601 instant with a time zone, e.g. 2025-05-15T09:00:00Z',
      },
    }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** The start of a range must not be after its end (`other`); checked only when both are valid instants. */
export function IsNotAfter(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'isNotAfter',
    constraints: [other],
    validator: {
      validate(value: unknown, args?: ValidationArguments) {
        const end = (args?.object as Record<string, unknown> | undefined)?.[other];
        if (!isInstant(value) || !isInstant(end)) return true;
        return epochMsOf(value as string) <= epochMsOf(end as string);
      },
      defaultMessage: () => `$property must not be after ${other}`,
    },
  });
}
