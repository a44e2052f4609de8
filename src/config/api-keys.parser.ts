import { SCOPES } from '../common/request/scopes';
import { parseHashedEntries } from './hashed-entries.parser';

/** One configured API key: only the SHA-256 of the key is known to the gateway. */
export interface ApiKeyEntry {
  id: string;
  /** Lower-case hex SHA-256 of the key. */
  sha256: string;
  vdns: '*' | ReadonlySet<number>;
  scopes: ReadonlySet<string>;
}

export type ApiKeysParse = { keys: ApiKeyEntry[] } | { problem: string };

/**
 * Parses `[{"id","sha256","vdns","scopes"}]`. A problem names the entry and the field at fault,
 * never a value: the hashes are not secrets, but a pasted raw key would be.
 */
export function parseApiKeys(text: string): ApiKeysParse {
  const parsed = parseHashedEntries(text, '{"id","sha256","vdns","scopes"}', ['id', 'sha256', 'vdns', 'scopes'], (entry, check): ApiKeyEntry => {
    const id = check.id(entry.id);
    const where = `${check.at} (${id})`;
    const sha256 = check.sha256(entry.sha256, where, 'sha256', '64 hex digits');
    const vdns = check.vdns(entry.vdns, where);
    const scopes = entry.scopes;
    if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((s) => (SCOPES as readonly unknown[]).includes(s))) {
      check.fail(`${where}: scopes must be a non-empty array of ${SCOPES.join(', ')}`);
    }
    return { id, sha256, vdns, scopes: new Set(scopes as string[]) };
  });
  return 'problem' in parsed ? parsed : { keys: parsed.entries };
}
