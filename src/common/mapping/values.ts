/** Small conversions shared by the resource mappers; upstream nulls stay null. */

export function stringOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
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
  const text = String(value);
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}
