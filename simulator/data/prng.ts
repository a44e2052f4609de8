/**
 * Deterministic pseudo-random numbers for generated data: the same (vdnId, resource, index) always
 * yields the same sequence, so every run and every process serves identical records.
 */

/** 32-bit integer hash (lowbias32 mixing). */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Random {
  /** Uniform integer in [0, 2^32). */
  next(): number;
  /** Uniform-ish integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `length` decimal digits. */
  digits(length: number): string;
}

/** A generator seeded by the VDN, a resource tag and a row index (mulberry32 stream). */
export function seededRandom(vdnId: number, resource: string, index: number): Random {
  let state = mix32(vdnId);
  for (let i = 0; i < resource.length; i++) state = mix32(state ^ resource.charCodeAt(i));
  state = mix32(state ^ mix32(index + 0x9e3779b9));
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    next,
    int: (min, max) => min + (next() % (max - min + 1)),
    pick: (items) => items[next() % items.length],
    digits: (length) => Array.from({ length }, () => String(next() % 10)).join(''),
  };
}

/**
 * A 30-digit numeric id shaped like iSales ids (they start with an epoch-ms time): 13 digits of time,
 * 4 of VDN, 6 of row index (so ids never collide), 7 pseudo-random.
 */
export function thirtyDigitId(epochMs: number, vdnId: number, index: number, random: Random): string {
  const time = String(epochMs).padStart(13, '0').slice(-13);
  return time + String(vdnId).padStart(4, '0') + String(index).padStart(6, '0') + random.digits(7);
}

/** `2022-03-11T07:27:09.000+00:00`: the import-task time format (docs/isales/api-notes.md §1.1). */
export function isoWithOffset(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/Z$/, '+00:00');
}
