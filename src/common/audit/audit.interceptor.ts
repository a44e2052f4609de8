import { CallHandler, ExecutionContext, HttpException, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, tap } from 'rxjs';
import { GatewayError } from '../errors/gateway-error';
import { principalIdOf } from '../request/principal';
import { maskNumber } from '../logging/mask-number';

export const AUDIT_OPERATION_KEY = 'isales-gateway:audit-operation';

type Outcome = 'success' | 'rejected' | 'failed';

/** Route parameters that are phone numbers (a blocked number): audited masked, like every logged number. */
const NUMBER_PARAMS = new Set(['number']);

/** The written thing's id: the route's own id parameter, or what a create answered (`id`, or `code` for a business result). */
function targetOf(params: Record<string, string>, answer?: unknown): string | null {
  const routeParam = Object.entries(params).find(([name]) => name !== 'vdnId');
  if (routeParam !== undefined) return NUMBER_PARAMS.has(routeParam[0]) ? maskNumber(routeParam[1]) : routeParam[1];
  const created = answer as { id?: unknown; code?: unknown } | null | undefined;
  const id = created?.id ?? created?.code;
  return typeof id === 'string' ? id : null;
}

function statusOf(error: unknown): number {
  if (error instanceof GatewayError) return error.status;
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}

/**
 * One line per write: who, which VDN, which operation, on what, and how it ended. Only ids and
 * outcomes: never a body, so no password, called number or callData can reach it.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const operation = this.reflector.get<string>(AUDIT_OPERATION_KEY, context.getHandler());
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string> }>>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const params = request.params ?? {};
    const line = (target: string | null, status: number, outcome: Outcome, error?: unknown) =>
      this.logger.log(
        {
          audit: true,
          principal: principalIdOf(request),
          vdnId: Number(params.vdnId),
          operation,
          target,
          outcome,
          status,
          ...(error instanceof GatewayError && { problem: error.slug, upstreamCode: error.upstream?.code }),
          ...(reply.getHeader('idempotent-replayed') === 'true' && { replayed: true }),
        },
        'write',
      );
    return next.handle().pipe(
      tap({
        // Nest sets the route's status after the interceptors, so it is read where the route declares it.
        next: (answer) => line(targetOf(params, answer), this.successStatus(context, request.method), 'success'),
        error: (error: unknown) => {
          const status = statusOf(error);
          line(targetOf(params), status, status < 500 ? 'rejected' : 'failed', error);
        },
      }),
    );
  }

  private successStatus(context: ExecutionContext, method: string): number {
    return this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (method === 'POST' ? 201 : 200);
  }
}
