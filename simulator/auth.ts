import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { c2Timestamp, parseC2Authorization, signC2 } from '../src/upstream/c2-signer';

export interface C2Credentials {
  ak: string;
  sk: string;
}

/** What the verifier needs, exactly as received: nothing decoded except the query pairs. */
export interface ReceivedRequest {
  method: string;
  /** Raw path without the query, not decoded. */
  rawPath: string;
  /** Raw query string without the `?` ('' when absent). */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** Raw body text (UTF-8). */
  body: string;
}

export type AuthResult = { ok: true } | { ok: false; reason: string };

/** The pair issued under `ak`, or undefined for an AK the server does not know. */
export type KeyLookup = (ak: string) => C2Credentials | undefined;

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  if (!Object.hasOwn(headers, name)) return undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The C2 verifier of docs/isales/c2-signing.md §5: parse, look up the SK by AK, timestamp inside the window,
 * `host` signed, canonical request rebuilt from what was received, signature compared in constant time.
 */
export function verifyC2(request: ReceivedRequest, keyFor: KeyLookup, now: Date, clockSkewSeconds: number): AuthResult {
  const header = headerValue(request.headers, 'authorization');
  if (!header) return { ok: false, reason: 'missing Authorization header' };
  const parsed = parseC2Authorization(header);
  if (!parsed) return { ok: false, reason: 'Authorization is not auth-v2/{ak}/{timestamp}/{signedHeaders}/{signature}' };
  const credentials = keyFor(parsed.ak);
  if (!credentials) return { ok: false, reason: 'unknown access key' };

  const signedAt = new Date(Date.parse(parsed.timestamp));
  if (Number.isNaN(signedAt.getTime()) || c2Timestamp(signedAt) !== parsed.timestamp) {
    return { ok: false, reason: 'timestamp does not parse' };
  }
  if (Math.abs(now.getTime() - signedAt.getTime()) > clockSkewSeconds * 1000) {
    return { ok: false, reason: 'timestamp outside the accepted clock skew' };
  }

  if (!parsed.signedHeaders.includes('host')) return { ok: false, reason: 'host is not a signed header' };
  const signedHeaders = Object.create(null) as Record<string, string>;
  for (const name of parsed.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) return { ok: false, reason: `signed header ${name} is missing` };
    signedHeaders[name] = value;
  }

  const query = Object.fromEntries(new URLSearchParams(request.rawQuery));
  const expected = signC2({ method: request.method, path: request.rawPath, query, headers: signedHeaders, body: request.body }, credentials, signedAt);
  // signC2 lower-cases, sorts and de-duplicates the names; a list sent in another form was not what we rebuilt.
  if (expected.signedHeaders !== parsed.signedHeaders.join(';')) {
    return { ok: false, reason: 'signedHeaders must be lower-case, sorted and unique' };
  }
  if (!sameText(expected.signature, parsed.signature)) return { ok: false, reason: 'signature mismatch' };
  return { ok: true };
}
