/**
 * The calls of one operation in flight, which identical calls arriving meanwhile join (the
 * coalescing of docs/design.md section 15).
 *
 * Keyed by a small integer, and each entry lets go of its text and its call when the call settles:
 * a Map's entries stay reachable from the tables V8 has replaced when the Map grew or shrank until the
 * next full collection, and the young-generation collector keeps whatever such a table points to. A
 * table keyed by the call's text and holding its promise would promote every read's key and answer
 * (the parsed iSales body) to old space, filling it for mark-compacts (bench/README.md); a small
 * integer is no object, so a replaced table keeps nothing of a request alive.
 */
export class InFlightCalls {
  private readonly calls = new Map<number, Entry>();

  /**
   * The call in flight for `key`, joined; else `start()`'s, registered until it settles. When
   * another key holds the same slot, `start()` runs unregistered: a call is never joined to another
   * key's.
   */
  join<T>(key: string, start: () => Promise<T>): Promise<T> {
    const slot = slotOf(key);
    const current = this.calls.get(slot);
    if (current !== undefined) return current.key === key ? (current.call as Promise<T>) : start();
    const entry: Entry = { key, call: undefined };
    const call = start().finally(() => {
      this.calls.delete(slot);
      entry.key = undefined;
      entry.call = undefined;
    });
    entry.call = call;
    this.calls.set(slot, entry);
    return call;
  }

  /** Calls registered now (tests). */
  get size(): number {
    return this.calls.size;
  }
}

interface Entry {
  key: string | undefined;
  call: Promise<unknown> | undefined;
}

/** FNV-1a over the key's UTF-16 code units, cut to 30 bits so that V8 keeps it as a small integer, not a heap number. */
export function slotOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}
