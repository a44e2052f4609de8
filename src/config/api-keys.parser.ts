import { SCOPES } from '../common/request/scopes';
import { parseVdnList } from './vdn-list';

/** One configured API key: only the SHA-256 of the key is known to the gateway. */
export interface ApiKeyEntry {
  id: string;
  /** Lower-case hex SHA-256 of the key. */
  sha256: string;
  vdns: '*' | ReadonlySet<number>;
  scopes: ReadonlySet<string>;
}

export type ApiKeysParse = { keys: ApiKeyEntry[] } | { problem: string };

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * Parses `[{"id","sha256","vdns","scopes"}]`. A problem names the entry and the field at fault,
 * never a value: the hashes are not secrets, but a pasted raw key would be.
 */
export function parseApiKeys(text: string): ApiKeysParse {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { problem: 'is not valid JSON' };
  }
  if (!Array.isArray(document)) return { problem: 'must be a JSON array of {"id","sha256","vdns","scopes"}' };
  const keys: ApiKeyEntry[] = [];
  const ids = new Set<string>();
  const hashes = new Set<string>();
  for (const [index, entry] of document.entries()) {
    const at = `entry ${index}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { problem: `${at} must be an object` };
    const { id, sha256, vdns, scopes, ...rest } = entry as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) return { problem: `${at} has unknown fields (${unknown.map((k) => k.slice(0, 32)).join(', ')})` };
    if (typeof id !== 'string' || !ID.test(id)) return { problem: `${at}: id must be 1 to 64 of A-Z a-z 0-9 . _ : -` };
    if (ids.has(id)) return { problem: `${at}: id ${id} is used twice` };
    if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) return { problem: `${at} (${id}): sha256 must be 64 hex digits` };
    if (hashes.has(sha256.toLowerCase())) return { problem: `${at} (${id}): the same sha256 is configured twice` };
    const vdnList = parseVdnList(vdns);
    if (vdnList === null) return { problem: `${at} (${id}): vdns must be "*" or an array of VDN ids 1..9999` };
    if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((s) => (SCOPES as readonly unknown[]).includes(s))) {
      return { problem: `${at} (${id}): scopes must be a non-empty array of ${SCOPES.join(', ')}` };
    }
    ids.add(id);
    hashes.add(sha256.toLowerCase());
    keys.push({ id, sha256: sha256.toLowerCase(), vdns: vdnList, scopes: new Set(scopes as string[]) });
  }
  return { keys };
}
