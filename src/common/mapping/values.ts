/** Small conversions shared by the resource mappers; upstream nulls stay null. */

/** A scalar as its text; an object or array (never documented where a scalar is) as its JSON, not "[object Object]". */
function textOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      return JSON.stringify(value) ?? '';
  }
}

export function stringOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return textOf(value);
}

export function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/**
 * An upstream time as an ISO 8601 UTC string. Empty strings and nulls are null; epoch milliseconds
 * (appointments) and ISO strings with an offset (import tasks) are both accepted; anything
 * unparsable is kept as its raw string rather than dropped.
 */
export function isoInstantOrNull(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value).toISOString() : null;
  const text = textOf(value);
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}
