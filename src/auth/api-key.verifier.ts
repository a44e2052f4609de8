import { createHash, hash, timingSafeEqual } from 'node:crypto';
import { ApiKeyEntry } from './api-keys.parser';
import { Principal } from './principal';

/** Bounds what is hashed: a real key is far shorter, and anything longer cannot match. */
const MAX_KEY_LENGTH = 512;

/**
 * Finds the configured key whose SHA-256 matches the presented key. Every configured hash is
 * compared, in constant time, whatever matched earlier, so the answer time says nothing about
 * which (or how much of a) hash matched.
 */
export class ApiKeyVerifier {
  private readonly entries: { entry: ApiKeyEntry; digest: Buffer }[];

  constructor(keys: readonly ApiKeyEntry[]) {
    this.entries = keys.map((entry) => ({ entry, digest: Buffer.from(entry.sha256, 'hex') }));
  }

  get configured(): boolean {
    return this.entries.length > 0;
  }

  verify(presented: string): Principal | null {
    if (presented.length === 0 || presented.length > MAX_KEY_LENGTH) return null;
    // The one-shot hash: a Hash object per request cost a cache hit about 5 % of its time.
    const digest = hash('sha256', presented, 'buffer');
    let found: ApiKeyEntry | null = null;
    for (const { entry, digest: expected } of this.entries) {
      if (timingSafeEqual(digest, expected) && found === null) found = entry;
    }
    return found && { id: `key:${found.id}`, vdns: found.vdns, scopes: found.scopes };
  }
}

/** The hex SHA-256 to configure for a key (what `AUTH_API_KEYS` holds instead of the key). */
export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
