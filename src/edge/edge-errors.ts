import { randomUUID } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError } from '../common/errors/gateway-error';
import { genericProblem, instanceOf } from '../common/errors/generic-problem';
import { PROBLEM_CONTENT_TYPE } from '../common/errors/problem';
import { REQUEST_ID_HEADER, requestIdFrom } from '../common/request/request-context';

/** A request the edge refuses as malformed HTTP (400), its detail saying what is wrong with it. */
export class MalformedRequestError extends GatewayError {
  readonly slug = 'the-request-is-not-valid';
  readonly title = 'The request is not valid';
  readonly status = 400;
}

/** Longest path segment the router matches (ids are 30 digits, codes 50 characters); longer: 414. */
export const MAX_PARAM_LENGTH = 128;

const FRAMEWORK_DETAILS: Readonly<Record<string, string>> = {
  FST_ERR_BAD_URL: 'The path is not valid percent-encoding.',
  FST_ERR_MAX_PARAM_LENGTH: `A path segment is longer than ${MAX_PARAM_LENGTH} characters.`,
};

/**
 * The router's own refusals (a malformed percent-encoding: 400; an over-long parameter: 414),
 * raised before any hook runs and, without this, answered as Fastify's plain JSON. Replaces
 * FastifyAdapter's handler, which only runs Nest's built-in security hook (unused here).
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const problem = genericProblem(status, FRAMEWORK_DETAILS[error.code] ?? 'The request is not valid.', instanceOf(request.url), String(request.id));
  void reply.code(status).header(REQUEST_ID_HEADER, problem.requestId).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers or URL beyond
 * maxHeaderSize: 431; a malformed request: 400; too slow: 408) is written to the socket directly,
 * as problem details too, with a request id made for it.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431
      ? 'The request line and headers together exceed 16 KiB.'
      : status === 408
        ? 'The request took too long to arrive.'
        : 'The request is not valid HTTP.';
  writeRawProblem(socket, status, detail, randomUUID());
  socket.destroy(error);
}

/** A problem written straight to the socket (Node answers before any request object exists), closing the connection. */
function writeRawProblem(socket: Socket, status: number, detail: string, requestId: string): void {
  const { instance: _unknown, ...problem } = genericProblem(status, detail, '', requestId);
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
}

/**
 * The answers Node's HTTP server gives by itself, before Fastify sees a request, as problems: an
 * `Expect` other than 100-continue (Node: a bare 417) and CONNECT (Node: the connection dropped
 * unanswered). Each listener replaces Node's default for its event.
 */
export function answerNodeRefusalsAsProblems(server: Server): void {
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const problem = genericProblem(
      417,
      'Only "Expect: 100-continue" is supported.',
      instanceOf(request.url ?? ''),
      requestIdFrom(request.headers[REQUEST_ID_HEADER]),
    );
    const body = JSON.stringify(problem);
    response
      .writeHead(417, {
        'content-type': PROBLEM_CONTENT_TYPE,
        'content-length': Buffer.byteLength(body),
        [REQUEST_ID_HEADER]: problem.requestId,
        connection: 'close',
      })
      .end(body);
  });
  server.on('connect', (request: IncomingMessage, socket: Socket) => {
    socket.on('error', () => undefined);
    writeRawProblem(socket, 405, 'CONNECT is not served: this is not a proxy.', requestIdFrom(request.headers[REQUEST_ID_HEADER]));
    socket.end();
  });
}
