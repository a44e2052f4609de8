import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError } from '../common/errors/gateway-error';
import { MalformedRequestError } from './edge-errors';
import { HELMET_OPTIONS, helmetHeaders, HTTP_LIMITS } from './http-edge';

class UriTooLongError extends GatewayError {
  readonly slug = 'the-uri-is-too-long';
  readonly title = 'The URI is too long';
  readonly status = 414;
}

/**
 * Phase 2: the security headers (helmet's, computed once) on every answer, and the URL bound (request
 * line and headers are bounded by Node's parser, HTTP_LIMITS.maxHeaderBytes), and HTTP/1.1's
mandatory Host: Node's own refusal of a request without it is a bare 400 with no body (its
requireHostHeader is off, server-options.ts), so it is refused here as a problem. CORS, when configured,
 * runs right after this phase (@fastify/cors' own hook, registered at this place in the pipeline).
 */
export class ShieldPhase {
  private readonly securityHeaders = helmetHeaders(HELMET_OPTIONS);

  run(request: FastifyRequest, reply: FastifyReply): void {
    reply.headers(this.securityHeaders);
    if (request.headers.host === undefined && request.raw.httpVersion === '1.1') throw new MalformedRequestError('An HTTP/1.1 request needs a Host header.');
    if (request.url.length > HTTP_LIMITS.maxUrlLength) throw new UriTooLongError(`The URL is longer than ${HTTP_LIMITS.maxUrlLength} characters.`);
  }
}
