import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError } from '../common/errors/gateway-error';
import { GENERIC_TITLES, genericProblem, instanceOf } from '../common/errors/generic-problem';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemType } from '../common/errors/problem';
import { allowedMethods } from './route-methods';
import { RequestContext } from '../common/request/request-context';

/**
 * Renders every error as RFC 9457 problem details. Only what a GatewayError chose to say, or the
 * message of a client (4xx) error, reaches the body; stack traces, secrets and signatures never do.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    let problem = this.toProblem(exception, request);
    if (problem.status === 404 && !(exception instanceof GatewayError)) {
      const allowed = allowedMethods(request);
      if (allowed.length > 0) {
        reply.header('allow', allowed.join(', '));
        problem = genericProblem(405, `${request.method} is not served here; use ${allowed.join(', ')}`, problem.instance, problem.requestId);
      }
    }
    this.log(exception, problem);

    if (exception instanceof GatewayError && exception.retryAfterS !== undefined) {
      reply.header('retry-after', String(exception.retryAfterS));
    }
    if (exception instanceof GatewayError && exception.headers) reply.headers(exception.headers);
    reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    const base = {
      instance: instanceOf(request.url),
      requestId: RequestContext.requestId() ?? String(request.id),
    };
    if (exception instanceof GatewayError) {
      return {
        type: problemType(exception.slug),
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        ...base,
        ...(exception.upstream && { upstream: exception.upstream }),
        ...(exception.invalidParams && { invalidParams: exception.invalidParams }),
      };
    }
    const status = statusOf(exception);
    if (status >= 400 && status < 500) {
      // The router's own message repeats the whole URL, query values (phone numbers) included.
      const detail = status === 404 ? `No route for ${request.method} ${base.instance}` : clientMessage(exception, status);
      return genericProblem(status, detail, base.instance, base.requestId);
    }
    if (exception instanceof HttpException && status >= 500) {
      return {
        type: problemType('unavailable'),
        title: 'The gateway cannot serve the request right now',
        status,
        detail: 'Try again later.',
        ...base,
      };
    }
    return {
      type: problemType('internal-error'),
      title: 'Internal error',
      status: 500,
      detail: 'The gateway failed to handle the request; the request id identifies it in the logs.',
      ...base,
    };
  }

  private log(exception: unknown, problem: ProblemDetails): void {
    // The request id is the problem's own: an error of the edge's steps (an issuer that cannot be
    // reached) is answered before the handler, outside the request's context, where the mixin has none.
    const fields = { requestId: problem.requestId, status: problem.status, type: problem.type, upstream: problem.upstream };
    if (problem.status >= 500 && !(exception instanceof GatewayError) && !(exception instanceof HttpException)) {
      this.logger.error({ ...fields, err: exception }, 'unhandled error');
    } else if (problem.status >= 500) {
      this.logger.warn({ ...fields, detail: problem.detail }, problem.title);
    }
  }
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function clientMessage(exception: unknown, status: number): string {
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
  }
  if (exception instanceof Error && exception.message) return exception.message;
  return GENERIC_TITLES[status] ?? 'The request cannot be served';
}
