import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { HelmetOptions } from 'helmet';

/** Bounds on what a caller may send (docs/design.md section 8); each answered as a problem when exceeded. */
export const HTTP_LIMITS = {
  /** Request line and headers together (Node's own parser: 431 beyond it). */
  maxHeaderBytes: 16 * 1024,
  /** URL length (path and query); beyond it 414, even when the headers are small. */
  maxUrlLength: 8 * 1024,
  /** Depth of a JSON body (objects and arrays); deeper is a 400 before anything walks it. */
  maxJsonDepth: 32,
} as const;

/** Headers a browser caller may send; what else it may read from answers. */
export const CORS_REQUEST_HEADERS = ['Authorization', 'X-API-Key', 'X-Request-Id', 'If-None-Match', 'Content-Type', 'Idempotency-Key'];
export const CORS_EXPOSED_HEADERS = [
  'X-Request-Id',
  'Location',
  'ETag',
  'X-Cache',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'WWW-Authenticate',
];

// Swagger UI's page styles itself inline; scripts stay same-origin only. No upgrade-insecure-requests:
// inside a cluster the gateway is often reached over plain HTTP, and upgrading Swagger UI's own script
// requests to HTTPS would break it there.
export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
  },
};

/**
 * helmet's headers, computed once by helmet itself. Without CSP nonces they are the same for every
 * answer, so running helmet's dozen middlewares per request (what @fastify/helmet does) would repeat
 * the same work on every answer (its cost is measured in bench/README.md).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => (failure = error));
  if (failure) throw failure instanceof Error ? failure : new Error('helmet refused its options', { cause: failure });
  return headers;
}
