import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError } from '../common/errors/gateway-error';
import { HELMET_OPTIONS, helmetHeaders, HTTP_LIMITS } from '../common/http/http-edge';

class UriTooLongError extends GatewayError {
  readonly slug = 'the-uri-is-too-long';
  readonly title = 'The URI is too long';
  readonly status = 414;
}

/**
 * Phase 2: the security headers (helmet's, computed once) on every answer, and the URL bound (request
 * line and headers are bounded by Node's parser, HTTP_LIMITS.maxHeaderBytes). CORS, when configured,
 * runs right after this phase (@fastify/cors' own hook, registered at this place in the pipeline).
 */
export class ShieldPhase {
  private readonly securityHeaders = helmetHeaders(HELMET_OPTIONS);

  run(request: FastifyRequest, reply: FastifyReply): void {
    reply.headers(this.securityHeaders);
    if (request.url.length > HTTP_LIMITS.maxUrlLength) throw new UriTooLongError(`The URL is longer than ${HTTP_LIMITS.maxUrlLength} characters.`);
  }
}
