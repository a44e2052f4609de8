import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { signC2 } from '../src/upstream/c2-signer';

/**
 * A minimal HTTP client for talking to the simulator in tests: raw requests (so a test can tamper
 * with any part after signing) and C2-signed requests. Not used by the simulator itself.
 */

export interface RawRequest {
  method: string;
  /** Path as sent on the wire, query string included. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Abort the request after this many ms (rejects with an Error whose message is 'timeout'). */
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = any>(): T;
}

export function sendRaw(baseUrl: string, raw: RawRequest): Promise<RawResponse> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: raw.method,
        path: raw.path,
        headers: raw.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on('error', reject);
    if (raw.timeoutMs !== undefined) {
      req.setTimeout(raw.timeoutMs, () => req.destroy(new Error('timeout')));
    }
    req.end(raw.body);
  });
}

export interface SignOptions {
  ak: string;
  sk: string;
  /** Signing time (default now). */
  at?: Date;
  /** Host value to sign (default: the base URL's host, `ip:port`). */
  host?: string;
  /** Extra headers to sign besides host. */
  signedHeaders?: Record<string, string>;
}

/** Headers for a signed request: Host, Content-Type and the C2 Authorization over exactly these bytes. */
export function c2Headers(baseUrl: string, method: string, pathWithQuery: string, body: string, sign: SignOptions) {
  const mark = pathWithQuery.indexOf('?');
  const path = mark < 0 ? pathWithQuery : pathWithQuery.slice(0, mark);
  const query = mark < 0 ? {} : Object.fromEntries(new URLSearchParams(pathWithQuery.slice(mark + 1)));
  const host = sign.host ?? new URL(baseUrl).host;
  const signed = { host, ...sign.signedHeaders };
  const { authorization } = signC2({ method, path, query, headers: signed, body }, sign, sign.at ?? new Date());
  return {
    ...sign.signedHeaders,
    host,
    'content-type': 'application/json; charset=UTF-8',
    authorization,
  };
}

export interface SignedRequest {
  method: string;
  path: string;
  /** A string is sent as is; anything else is serialised once with JSON.stringify. */
  body?: unknown;
  timeoutMs?: number;
}

export function sendSigned(baseUrl: string, req: SignedRequest, sign: SignOptions): Promise<RawResponse> {
  const body = req.body === undefined ? '' : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
  const headers = c2Headers(baseUrl, req.method, req.path, body, sign);
  return sendRaw(baseUrl, { method: req.method, path: req.path, headers, body, timeoutMs: req.timeoutMs });
}
