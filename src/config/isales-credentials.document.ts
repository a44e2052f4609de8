/**
 * The iSales credentials document (docs/design.md section 12): which AK/SK pair signs for which VDN.
 *
 *   [{"ak":"...","sk":"...","vdns":[1,2]}, {"ak":"...","sk":"...","vdns":"*"}]
 *
 * Parsed by one pure function, used at boot (ISALES_CREDENTIALS, ISALES_CREDENTIALS_FILE) and on
 * every re-read of the file. Problems name pairs by position and VDNs by number, never a string
 * of the document: an AK or SK must not reach a log line through a complaint about it.
 */

export interface CredentialPair {
  readonly ak: string;
  /** Secret: never logged, never in an error. */
  readonly sk: string;
}

/** Which pair signs for which VDN; built once per document, read on every upstream call. */
export interface CredentialTable {
  readonly byVdn: ReadonlyMap<number, CredentialPair>;
  /** The pair of `"vdns": "*"`, for every VDN no pair lists; null when there is none. */
  readonly fallback: CredentialPair | null;
  /** How many pairs the document holds (for logs: counts only, never a key). */
  readonly pairCount: number;
}

export type CredentialsDocumentResult = { ok: true; table: CredentialTable } | { ok: false; problems: string[] };

export const MIN_VDN = 1;
export const MAX_VDN = 9999;
const FIELDS = new Set(['ak', 'sk', 'vdns']);
const SHAPE = 'must be a non-empty JSON array of {"ak": "...", "sk": "...", "vdns": [ids] or "*"}';

/** One pair for every VDN: what ISALES_AK/ISALES_SK alone mean. */
export function singlePairTable(pair: CredentialPair): CredentialTable {
  return { byVdn: new Map(), fallback: pair, pairCount: 1 };
}

function isVdn(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_VDN && value <= MAX_VDN;
}

/** The pair at 1-based `position`, or the reasons it is not one. */
function readPair(entry: unknown, position: number): { pair: CredentialPair; vdns: number[] | '*' } | string[] {
  const at = `pair ${position}`;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return [`${at} must be an object with ak, sk and vdns`];
  const record = entry as Record<string, unknown>;
  const problems: string[] = [];
  if (Object.keys(record).some((key) => !FIELDS.has(key))) problems.push(`${at} may only have the fields ak, sk and vdns`);
  const { ak, sk, vdns } = record;
  // The AK travels inside `auth-v2/{AK}/...`: a slash or a space would break the header.
  if (typeof ak !== 'string' || !/^[^\s/]+$/.test(ak)) problems.push(`${at}: ak must be a non-empty string without spaces or slashes`);
  if (typeof sk !== 'string' || sk === '') problems.push(`${at}: sk must be a non-empty string`);
  const listed = vdns === '*' || (Array.isArray(vdns) && vdns.length > 0 && vdns.every(isVdn));
  if (!listed) problems.push(`${at}: vdns must be "*" or a non-empty list of VDN ids from ${MIN_VDN} to ${MAX_VDN}`);
  if (problems.length > 0) return problems;
  return { pair: { ak: ak as string, sk: sk as string }, vdns: vdns as number[] | '*' };
}

export function parseCredentialsDocument(text: string): CredentialsDocumentResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    // V8's message quotes the text around the error, which may be an SK.
    return { ok: false, problems: ['is not valid JSON'] };
  }
  if (!Array.isArray(document) || document.length === 0) return { ok: false, problems: [SHAPE] };

  const problems: string[] = [];
  const byVdn = new Map<number, CredentialPair>();
  const listedBy = new Map<number, number>();
  const secretOfAk = new Map<string, { sk: string; position: number }>();
  let fallback: { pair: CredentialPair; position: number } | null = null;

  for (const [index, entry] of document.entries()) {
    const position = index + 1;
    const read = readPair(entry, position);
    if (Array.isArray(read)) {
      problems.push(...read);
      continue;
    }
    const { pair, vdns } = read;
    const sameAk = secretOfAk.get(pair.ak);
    if (sameAk && sameAk.sk !== pair.sk) problems.push(`pairs ${sameAk.position} and ${position} give the same ak different sks`);
    if (!sameAk) secretOfAk.set(pair.ak, { sk: pair.sk, position });
    if (vdns === '*') {
      if (fallback) problems.push(`pairs ${fallback.position} and ${position} are both the fallback "*"`);
      else fallback = { pair, position };
      continue;
    }
    for (const vdn of new Set(vdns)) {
      const first = listedBy.get(vdn);
      if (first !== undefined) {
        problems.push(`VDN ${vdn} is listed by pairs ${first} and ${position}`);
        continue;
      }
      listedBy.set(vdn, position);
      byVdn.set(vdn, pair);
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, table: { byVdn, fallback: fallback?.pair ?? null, pairCount: document.length } };
}

/** Counts for a log line: how many pairs, how many VDNs listed, whether there is a fallback. */
export function describeTable(table: CredentialTable): { pairs: number; vdns: number; fallback: boolean } {
  return { pairs: table.pairCount, vdns: table.byVdn.size, fallback: table.fallback !== null };
}
