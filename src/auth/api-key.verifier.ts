import { createHash, hash, timingSafeEqual } from 'node:crypto';
import { ApiKeyEntry } from '../config/api-keys.parser';
import { Principal } from './principal';

/** Bounds what is hashed: a real key is far shorter, and anything longer cannot match. */
const MAX_KEY_LENGTH = 512;

/** The most verified keys remembered (each a configured key, so in practice far fewer). */
export const VERIFIED_KEYS_KEPT = 1024;

/**
 * Finds the configured key whose SHA-256 matches the presented key. Every configured hash is
 * compared, in constant time, whatever matched earlier, so the answer time says nothing about
 * which (or how much of a) hash matched.
 *
 * A key that verified is remembered (presented text -> principal), so its next requests skip the
 * hash. Timing: only a key that verified can be found there, so a
 * faster answer tells its sender nothing the 200 does not; a wrong key always misses (a Map
 * lookup, whose string comparison runs only on a full hash collision with a valid key and
 * reveals nothing about the configured hashes) and pays the same SHA-256 and constant-time
 * comparisons as any wrong key. Only verified keys are added, so a flood of wrong keys cannot grow the
 * map; it holds at most VERIFIED_KEYS_KEPT entries (each a configured key, so in practice as
 * many as are configured). The keys are held in memory as the requests carrying them already
 * are; the map is this verifier's, so a new key set (a new verifier) starts empty.
 */
export class ApiKeyVerifier {
  private readonly entries: { principal: Principal; digest: Buffer }[];
  private readonly verified = new Map<string, Principal>();

  constructor(keys: readonly ApiKeyEntry[]) {
    this.entries = keys.map((entry) => ({
      principal: { id: `key:${entry.id}`, vdns: entry.vdns, scopes: entry.scopes },
      digest: Buffer.from(entry.sha256, 'hex'),
    }));
  }

  get configured(): boolean {
    return this.entries.length > 0;
  }

  verify(presented: string): Principal | null {
    const known = this.verified.get(presented);
    if (known !== undefined) return known;
    if (presented.length === 0 || presented.length > MAX_KEY_LENGTH) return null;
    // The one-shot hash: no Hash object per request on the hot path of every authenticated call.
    const digest = hash('sha256', presented, 'buffer');
    let found: Principal | null = null;
    for (const { principal, digest: expected } of this.entries) {
      if (timingSafeEqual(digest, expected) && found === null) found = principal;
    }
    if (found !== null) this.remember(presented, found);
    return found;
  }

  private remember(presented: string, principal: Principal): void {
    if (this.verified.size >= VERIFIED_KEYS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(presented, principal);
  }
}

/** The hex SHA-256 to configure for a key (what `AUTH_API_KEYS` holds instead of the key). */
export function apiKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
