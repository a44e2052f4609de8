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

/** What the audit needs of a route: read from its handler's metadata once, at the route's first request. */
interface AuditedRoute {
  readonly operation: string;
  readonly successStatus: number;
}

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
  private readonly routes = new WeakMap<object, AuditedRoute>();

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string> }>>();
    const { operation, successStatus } = this.routeOf(context.getHandler(), request.method);
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
        next: (answer) => line(targetOf(params, answer), successStatus, 'success'),
        error: (error: unknown) => {
          const status = statusOf(error);
          line(targetOf(params), status, status < 500 ? 'rejected' : 'failed', error);
        },
      }),
    );
  }

  /** A handler serves one method, so its status on success is known from its first request on. */
  private routeOf(handler: ReturnType<ExecutionContext['getHandler']>, method: string): AuditedRoute {
    let route = this.routes.get(handler);
    if (route === undefined) {
      route = {
        operation: this.reflector.get<string>(AUDIT_OPERATION_KEY, handler),
        // Nest sets the route's status after the interceptors, so it is read where the route declares it.
        successStatus: this.reflector.get<number | undefined>(HTTP_CODE_METADATA, handler) ?? (method === 'POST' ? 201 : 200),
      };
      this.routes.set(handler, route);
    }
    return route;
  }
}
