import { createHmac } from 'node:crypto';

/**
 * Huawei CEC "C2" AK/SK request signing (`auth-v2`), byte for byte as Huawei's Java demo signs
 * (docs/isales/c2-signing.md). Pure: no clock, no I/O, no Nest.
 */

export const C2_AUTH_VERSION = 'auth-v2';

export interface C2Request {
  method: string;
  /** Raw path, no query: appended to the canonical request verbatim (docs/isales/c2-signing.md section 3). */
  path: string;
  /** Decoded query pairs; the canonical query line is omitted when there are none. */
  query?: Readonly<Record<string, string>>;
  /** Headers to sign; `host` must be among them and must equal the Host header sent. */
  headers: Readonly<Record<string, string>>;
  /** The exact body text that goes on the wire (serialise once, sign and send those bytes). */
  body?: string;
}

export interface C2Credentials {
  ak: string;
  sk: string;
}

export interface C2Signature {
  authorization: string;
  authStringPrefix: string;
  canonicalRequest: string;
  signingKey: string;
  signature: string;
  timestamp: string;
  signedHeaders: string;
}

/** `PathUtils.normalize`: keep RFC 3986 unreserved bytes, `%XX` (upper-case) for every other UTF-8 byte. */
export function c2PercentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Java `SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'")` in UTC: second precision, literal `Z`. */
export function c2Timestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function hmacSha256Hex(key: string, message: string): string {
  return createHmac('sha256', Buffer.from(key, 'utf8')).update(message, 'utf8').digest('hex');
}

/** Header names lower-cased and values trimmed, so the sort order and the signed values are unambiguous. */
function canonicalHeaderEntries(headers: Readonly<Record<string, string>>): Array<[string, string]> {
  return Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value.trim()]);
}

// Java's TreeSet sorts by UTF-16 code units, which is what `<` on JS strings compares.
function ordinalSortUnique(items: string[]): string[] {
  return [...new Set(items)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function c2CanonicalQuery(query: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(query).map(([k, v]) => c2PercentEncode(k) + '=' + (v ? c2PercentEncode(v) : ''));
  return ordinalSortUnique(pairs).join('&');
}

export function c2CanonicalRequest(request: C2Request, signedHeaders: string): string {
  const headers = canonicalHeaderEntries(request.headers);
  const lines = [request.method, request.path];
  if (request.query && Object.keys(request.query).length > 0) lines.push(c2CanonicalQuery(request.query));
  lines.push(signedHeaders);
  lines.push(ordinalSortUnique(headers.map(([k, v]) => c2PercentEncode(k) + ':' + c2PercentEncode(v))).join('\n'));
  return lines.join('\n') + '\n' + (request.body ? c2PercentEncode(request.body) : '');
}

export function c2SignedHeaders(headers: Readonly<Record<string, string>>): string {
  return ordinalSortUnique(canonicalHeaderEntries(headers).map(([k]) => k)).join(';');
}

export function signC2(request: C2Request, credentials: C2Credentials, at: Date): C2Signature {
  const timestamp = c2Timestamp(at);
  const signedHeaders = c2SignedHeaders(request.headers);
  const authStringPrefix = `${C2_AUTH_VERSION}/${credentials.ak}/${timestamp}/${signedHeaders}`;
  const signingKey = hmacSha256Hex(credentials.sk, authStringPrefix);
  const canonicalRequest = c2CanonicalRequest(request, signedHeaders);
  // The second HMAC is keyed with the hex text of the signing key, not its raw bytes (SignerUtils).
  const signature = hmacSha256Hex(signingKey, canonicalRequest);
  return {
    authorization: `${authStringPrefix}/${signature}`,
    authStringPrefix,
    canonicalRequest,
    signingKey,
    signature,
    timestamp,
    signedHeaders,
  };
}

export interface ParsedC2Authorization {
  ak: string;
  timestamp: string;
  signedHeaders: string[];
  signature: string;
}

/** Splits `auth-v2/{AK}/{timestamp}/{signedHeaders}/{signature}`; null when it is not of that form. */
export function parseC2Authorization(value: string | undefined): ParsedC2Authorization | null {
  if (!value) return null;
  const parts = value.split('/');
  if (parts.length !== 5 || parts[0] !== C2_AUTH_VERSION) return null;
  const [, ak, timestamp, signedHeaders, signature] = parts;
  if (!ak || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(timestamp)) return null;
  if (!signedHeaders || !/^[0-9a-f]{64}$/.test(signature)) return null;
  return { ak, timestamp, signedHeaders: signedHeaders.split(';'), signature };
}
