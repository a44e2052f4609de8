import cors from '@fastify/cors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { HelmetOptions } from 'helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EdgeConfig } from '../../config/edge.config';
import { GatewayError } from '../errors/gateway-error';

/** Bounds on what a caller may send (docs/design.md section 8); each answered as a problem when exceeded. */
export const HTTP_LIMITS = {
  /** Request line and headers together (Node's own parser: 431 beyond it). */
  maxHeaderBytes: 16 * 1024,
  /** URL length (path and query); beyond it 414, even when the headers are small. */
  maxUrlLength: 8 * 1024,
  /** Request body. */
  bodyBytes: 1024 * 1024,
} as const;

class UriTooLongError extends GatewayError {
  readonly slug = 'the-uri-is-too-long';
  readonly title = 'The URI is too long';
  readonly status = 414;
}

/** Headers a browser caller may send; what else it may read from answers. */
const CORS_REQUEST_HEADERS = ['Authorization', 'X-API-Key', 'X-Request-Id', 'If-None-Match', 'Content-Type', 'Idempotency-Key'];
const CORS_EXPOSED_HEADERS = ['X-Request-Id', 'Location', 'ETag', 'X-Cache', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'WWW-Authenticate'];

// Swagger UI's page styles itself inline; scripts stay same-origin only. No upgrade-insecure-requests:
// inside a cluster the gateway is often reached over plain HTTP, and upgrading Swagger UI's own script
// requests to HTTPS would break it there.
const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
  },
};

/**
 * helmet's headers, computed once by helmet itself. Without CSP nonces they are the same for every
 * answer, and running helmet's dozen middlewares per request (what @fastify/helmet does) cost about a
 * third of a cached answer's throughput (bench/README.md).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => (failure = error));
  if (failure) throw failure;
  return headers;
}

/** Security headers, CORS for CORS_ORIGINS only, and the URL bound. */
export async function hardenHttpEdge(app: NestFastifyApplication, config: EdgeConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const securityHeaders = helmetHeaders(HELMET_OPTIONS);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(securityHeaders);
    if (request.url.length > HTTP_LIMITS.maxUrlLength) done(new UriTooLongError(`The URL is longer than ${HTTP_LIMITS.maxUrlLength} characters.`));
    else done();
  });
  if (config.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: config.corsOrigins,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: CORS_REQUEST_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
}
