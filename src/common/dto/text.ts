/**
 * What no string the gateway takes may hold: C0 control characters, DEL, C1 control characters (U+0080-U+009F:
 * NEL, CSI and the like, which terminals and some parsers act on), and the bidirectional
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) that make a name read
 * differently from what it is. Applied to every string of every input by the validation pipe
 * (src/common/pipes/input-rules.ts); the OpenAPI document declares it on every string.
 */
export const FORBIDDEN_CHARACTERS = '\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069';
export const FORBIDDEN_CHARACTER = new RegExp(`[${FORBIDDEN_CHARACTERS}]`, 'u');
/** Any string without a forbidden character: the pattern of a string field that has no other. */
export const PLAIN_TEXT_PATTERN = new RegExp(`^[^${FORBIDDEN_CHARACTERS}]*$`, 'u');
export const FORBIDDEN_CHARACTER_REASON = 'must not contain control characters or bidirectional overrides';

/** Every forbidden character, for checking that a field's own pattern refuses them all. */
export const FORBIDDEN_CHARACTER_LIST: readonly string[] = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  ...Array.from({ length: 0x21 }, (_, code) => String.fromCharCode(0x7f + code)),
  ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((code) => String.fromCharCode(code)),
];
