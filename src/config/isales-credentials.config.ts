import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EnvReader } from './env-parser';
import { CredentialTable, parseCredentialsDocument, singlePairTable } from './isales-credentials.document';

const INLINE = 'ISALES_CREDENTIALS';
const FILE = 'ISALES_CREDENTIALS_FILE';
const AK = 'ISALES_AK';
const SK = 'ISALES_SK';

/**
 * Where the AK/SK pairs come from. Exactly one of three forms is accepted:
 * ISALES_CREDENTIALS (inline document), ISALES_CREDENTIALS_FILE (the document in a file, re-read
 * when it changes), or ISALES_AK with ISALES_SK (one pair for every VDN). A document next to
 * ISALES_AK/ISALES_SK is refused: which one signs would be a guess.
 */
export type IsalesCredentialsConfig =
  | { source: typeof INLINE | 'ISALES_AK/ISALES_SK'; table: CredentialTable }
  | { source: typeof FILE; table: CredentialTable; file: string; fingerprint: string };

const NONE: CredentialTable = { byVdn: new Map(), fallback: null, pairCount: 0 };
/** What a refused form reads as; never used, since the reader's done() then throws. */
const REFUSED: IsalesCredentialsConfig = { source: INLINE, table: NONE };

/** SHA-256 of the document text: tells a re-read that changed nothing from a rotation, without keeping the text. */
export function documentFingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function tableOf(env: EnvReader, name: string, text: string): CredentialTable {
  const parsed = parseCredentialsDocument(text);
  if (parsed.ok) return parsed.table;
  for (const problem of parsed.problems) env.problem(name, problem);
  return NONE;
}

export function readIsalesCredentialsConfig(env: EnvReader): IsalesCredentialsConfig {
  const inline = env.optionalString(INLINE);
  const file = env.optionalString(FILE);
  const ak = env.optionalString(AK);
  const sk = env.optionalString(SK);
  const document = inline !== undefined ? INLINE : file !== undefined ? FILE : undefined;

  if (inline !== undefined && file !== undefined) {
    env.problem(`${INLINE}, ${FILE}`, `set only one of ${INLINE} and ${FILE}`);
    return REFUSED;
  }
  if (document !== undefined) {
    const pairVariables = [ak !== undefined && AK, sk !== undefined && SK].filter(Boolean);
    if (pairVariables.length > 0) {
      env.problem(`${document}, ${pairVariables.join(', ')}`, `a credentials document replaces ${AK}/${SK}: set either ${document} or ${AK} and ${SK}`);
      return REFUSED;
    }
  }
  if (inline !== undefined) return { source: INLINE, table: tableOf(env, INLINE, inline) };
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      env.problem(FILE, 'is not a readable file');
      return REFUSED;
    }
    return { source: FILE, table: tableOf(env, FILE, text), file, fingerprint: documentFingerprint(text) };
  }

  const alternative = `is required unless ${INLINE} or ${FILE} is set`;
  if (ak === undefined) env.problem(AK, alternative);
  if (sk === undefined) env.problem(SK, alternative);
  return { source: 'ISALES_AK/ISALES_SK', table: ak && sk ? singlePairTable({ ak, sk }) : NONE };
}
