import type { FastifyInstance, FastifyRequest } from 'fastify';
import secureJson from 'secure-json-parse';
import { GatewayError, ValidationFailedError } from '../common/errors/gateway-error';
import { MalformedRequestError } from './edge-errors';
import { HTTP_LIMITS } from './http-edge';
import { JsonDepthScanner } from './json-depth';

class BodyTooLargeError extends GatewayError {
  readonly slug = 'the-request-is-too-large';
  readonly title = 'The request is too large';
  readonly status = 413;
}

const tooDeep = () =>
  new ValidationFailedError([{ name: 'body', reason: `body must not nest objects and arrays deeper than ${HTTP_LIMITS.maxJsonDepth} levels` }]);

type Done = (error: Error | null, body?: unknown) => void;

/**
 * Phase 5, read: a JSON body within the route's own limit (its policy's, at most
 * HTTP_BODY_LIMIT_BYTES; a Content-Length above it is refused before a byte is read), its nesting
 * followed as it arrives and refused beyond HTTP_LIMITS.maxJsonDepth before anything walks it
 * (JSON.parse, the validation, the idempotency fingerprint), parsed with prototype poisoning
 * refused. Validation follows, by the checks compiled for the route's DTOs (src/common/pipes/validation.pipe.ts).
 */
function readJson(capBytes: number, request: FastifyRequest, payload: NodeJS.ReadableStream, done: Done): void {
  const limit = request.routeOptions.bodyLimit ?? capBytes;
  const declared = Number(request.headers['content-length']);
  if (declared > limit) return done(new BodyTooLargeError(`The body is larger than the ${limit} bytes this route takes.`));
  const scanner = new JsonDepthScanner(HTTP_LIMITS.maxJsonDepth);
  const chunks: Buffer[] = [];
  let received = 0;
  let finished = false;
  const finish = (error: Error | null, body?: unknown) => {
    if (finished) return;
    finished = true;
    payload.removeListener('data', onData);
    payload.removeListener('end', onEnd);
    payload.removeListener('error', onError);
    done(error, body);
  };
  const onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    received += bytes.length;
    if (received > limit) return finish(new BodyTooLargeError(`The body is larger than the ${limit} bytes this route takes.`));
    if (!scanner.feed(bytes)) return finish(tooDeep());
    chunks.push(bytes);
  };
  const onError = (error: Error & { statusCode?: number }) => {
    if (!(typeof error.statusCode === 'number' && error.statusCode >= 400)) error.statusCode = 400;
    finish(error);
  };
  const onEnd = () => {
    if (!Number.isNaN(declared) && received !== declared) return finish(new MalformedRequestError('The body is shorter or longer than its Content-Length.'));
    const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks, received).toString('utf8');
    if (text.trim() === '') return finish(new MalformedRequestError('The body is empty but its Content-Type says JSON.'));
    try {
      finish(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      finish(new MalformedRequestError('The body is not valid JSON.'));
    }
  };
  payload.on('data', onData);
  payload.on('end', onEnd);
  payload.on('error', onError);
  payload.resume();
}

/** Replaces Fastify's JSON parser with the bounded one above. */
export function installReadPhase(fastify: FastifyInstance, capBytes: number): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', (request, payload, done) => readJson(capBytes, request, payload, done));
}
