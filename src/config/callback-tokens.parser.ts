import { parseHashedEntries } from './hashed-entries.parser';

/** One configured callback token (ISALES_CALLBACK_TOKENS): only the SHA-256 of the path token is known. */
export interface CallbackTokenEntry {
  /** A name for logs and metrics (`callback:<id>`), never the token: `id`, or the entry's position. */
  id: string;
  /** Lower-case hex SHA-256 of the token iSales has in its callback URL. */
  sha256: string;
  vdns: '*' | ReadonlySet<number>;
}

export type CallbackTokensParse = { tokens: CallbackTokenEntry[] } | { problem: string };

/**
 * Parses `[{"token": "<sha256 hex>", "vdns": [..] | "*", "id"?}]`, as AUTH_API_KEYS is parsed: a
 * problem names the entry and the field at fault, never a value (a pasted raw token would be a secret).
 */
export function parseCallbackTokens(text: string): CallbackTokensParse {
  const parsed = parseHashedEntries(text, '{"token","vdns"}', ['token', 'vdns', 'id'], (entry, check, index): CallbackTokenEntry => {
    const id = check.id(entry.id === undefined ? String(index) : entry.id);
    const sha256 = check.sha256(entry.token, check.at, 'token', "the 64 hex digits of the token's SHA-256");
    return { id, sha256, vdns: check.vdns(entry.vdns, check.at) };
  });
  return 'problem' in parsed ? parsed : { tokens: parsed.entries };
}
