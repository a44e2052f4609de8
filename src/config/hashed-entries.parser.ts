import { parseVdnList } from './vdn-list';

const ID = /^[A-Za-z0-9._:-]{1,64}$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/** The first fault found in an entry: it ends the parse, as its problem. */
class EntryProblem extends Error {}

/**
 * The checks of one list of hashed secrets (AUTH_API_KEYS, ISALES_CALLBACK_TOKENS): ids and hashes
 * are unique across the list. A check returns the value it accepts or ends the parse with a problem
 * that names the entry and the field at fault, never a value (a pasted raw secret would be one).
 */
export class EntryChecks {
  private readonly ids = new Set<string>();
  private readonly hashes = new Set<string>();
  /** The entry under check, as problems name it: `entry <index>`. */
  at = '';

  fail(problem: string): never {
    throw new EntryProblem(problem);
  }

  id(value: unknown): string {
    if (typeof value !== 'string' || !ID.test(value)) throw new EntryProblem(`${this.at}: id must be 1 to 64 of A-Z a-z 0-9 . _ : -`);
    if (this.ids.has(value)) throw new EntryProblem(`${this.at}: id ${value} is used twice`);
    this.ids.add(value);
    return value;
  }

  /** `value` lower-cased, once it is 64 hex digits (`what` says what they must be) no other entry has. */
  sha256(value: unknown, where: string, field: string, what: string): string {
    if (typeof value !== 'string' || !SHA256_HEX.test(value)) throw new EntryProblem(`${where}: ${field} must be ${what}`);
    const hash = value.toLowerCase();
    if (this.hashes.has(hash)) throw new EntryProblem(`${where}: the same ${field} is configured twice`);
    this.hashes.add(hash);
    return hash;
  }

  vdns(value: unknown, where: string): '*' | ReadonlySet<number> {
    return parseVdnList(value) ?? this.fail(`${where}: vdns must be "*" or an array of VDN ids 1..9999`);
  }
}

/**
 * Parses a JSON array of objects (`shape` describes one when the text is not such an array) whose
 * fields are all among `fields`, each turned into an entry by `read`; the first problem ends the parse.
 */
export function parseHashedEntries<T>(
  text: string,
  shape: string,
  fields: readonly string[],
  read: (entry: Record<string, unknown>, check: EntryChecks, index: number) => T,
): { entries: T[] } | { problem: string } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return { problem: 'is not valid JSON' };
  }
  if (!Array.isArray(document)) return { problem: `must be a JSON array of ${shape}` };
  const check = new EntryChecks();
  const entries: T[] = [];
  try {
    for (const [index, entry] of (document as unknown[]).entries()) {
      check.at = `entry ${index}`;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new EntryProblem(`${check.at} must be an object`);
      const unknown = Object.keys(entry).filter((key) => !fields.includes(key));
      if (unknown.length > 0) throw new EntryProblem(`${check.at} has unknown fields (${unknown.map((k) => k.slice(0, 32)).join(', ')})`);
      entries.push(read(entry as Record<string, unknown>, check, index));
    }
  } catch (error) {
    if (error instanceof EntryProblem) return { problem: error.message };
    throw error;
  }
  return { entries };
}
