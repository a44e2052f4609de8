import { parseVdnList } from './vdn-list';

/** One configured callback token (ISALES_CALLBACK_TOKENS): only the SHA-256 of the path token is known. */
export interface CallbackTokenEntry {
  /** A name for logs and metrics (`callback:<id>`), never the token: `id`, or the entry's position. */
  id: string;
  /** Lower-case hex SHA-256 of the token iSales has in its callback URL. */
  sha256: string;
  vdns: '*' | ReadonlySet<number>;
}

export type CallbackTokensParse = { tokens: CallbackTokenEntry[] } | { problem: string };

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * Parses `[{"token": "<sha256 hex>", "vdns": [..] | "*", "id"?}]`, as AUTH_API_KEYS is parsed: a
 * problem names the entry and the field at fault, never a value (a pasted raw token would be a secret).
 */
export function parseCallbackTokens(text: string): CallbackTokensParse {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { problem: 'is not valid JSON' };
  }
  if (!Array.isArray(document)) return { problem: 'must be a JSON array of {"token","vdns"}' };
  const tokens: CallbackTokenEntry[] = [];
  const hashes = new Set<string>();
  const ids = new Set<string>();
  for (const [index, entry] of document.entries()) {
    const at = `entry ${index}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { problem: `${at} must be an object` };
    const { token, vdns, id = String(index), ...rest } = entry as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) return { problem: `${at} has unknown fields (${unknown.map((k) => k.slice(0, 32)).join(', ')})` };
    if (typeof id !== 'string' || !ID.test(id)) return { problem: `${at}: id must be 1 to 64 of A-Z a-z 0-9 . _ : -` };
    if (ids.has(id)) return { problem: `${at}: id ${id} is used twice` };
    if (typeof token !== 'string' || !SHA256_HEX.test(token)) return { problem: `${at}: token must be the 64 hex digits of the token's SHA-256` };
    if (hashes.has(token.toLowerCase())) return { problem: `${at}: the same token is configured twice` };
    const vdnList = parseVdnList(vdns);
    if (vdnList === null) return { problem: `${at}: vdns must be "*" or an array of VDN ids 1..9999` };
    ids.add(id);
    hashes.add(token.toLowerCase());
    tokens.push({ id, sha256: token.toLowerCase(), vdns: vdnList });
  }
  return { tokens };
}
