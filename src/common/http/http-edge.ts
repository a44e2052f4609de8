import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EdgeConfig } from '../../config/edge.config';
import { GatewayError } from '../errors/gateway-error';

/** Bounds on what a caller may send (design section 8); each answered as a problem when exceeded. */
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

/** Security headers, CORS for CORS_ORIGINS only, and the URL bound. */
export async function hardenHttpEdge(app: NestFastifyApplication, config: EdgeConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request) => {
    if (request.url.length > HTTP_LIMITS.maxUrlLength) throw new UriTooLongError(`The URL is longer than ${HTTP_LIMITS.maxUrlLength} characters.`);
  });
  await app.register(helmet, {
    // Swagger UI's page styles itself inline; scripts stay same-origin only. No
    // upgrade-insecure-requests: inside a cluster the gateway is often reached over plain HTTP, and
    // upgrading Swagger UI's own script requests to HTTPS would break it there.
    contentSecurityPolicy: {
      directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
    },
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
