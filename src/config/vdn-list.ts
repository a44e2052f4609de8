/** A VDN list as keys and tokens carry it: `"*"` (or `["*"]`) for every VDN, or ids 1..9999 as numbers or digit strings. */
export function parseVdnList(value: unknown): '*' | Set<number> | null {
  if (value === '*' || (Array.isArray(value) && value.length === 1 && value[0] === '*')) return '*';
  if (!Array.isArray(value)) return null;
  const ids = new Set<number>();
  for (const item of value) {
    const id = typeof item === 'number' ? item : typeof item === 'string' && /^\d{1,4}$/.test(item) ? Number(item) : NaN;
    if (!Number.isInteger(id) || id < 1 || id > 9999) return null;
    ids.add(id);
  }
  return ids;
}
