import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, defer, mergeAll, mergeMap, Observable, of } from 'rxjs';
import { GatewayError } from '../common/errors/gateway-error';
import { principalIdOf } from '../common/request/principal';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { IdempotencyAnswerNotKeptError, IdempotencyKeyInUseError, IdempotencyKeyReusedError, IdempotencyUnavailableError } from './idempotency.errors';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf, idempotencyStoreKey } from './idempotency-key';
import { IdempotencyStore, IdempotencyStoreUnavailableError } from './idempotency-store';
import {
  fingerprintOf,
  mayHaveReachedIsales,
  replayedBody,
  ReplayedProblemError,
  StoredAnswer,
  toStoredProblem,
  toStoredSuccess,
  withinRecordLimit,
} from './stored-answer';

/** docs/design.md section 13: the first answer is kept for 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
export const REPLAYED_HEADER = 'idempotent-replayed';

interface Claim {
  key: string;
  token: string;
  fingerprint: string;
}

/**
 * `Idempotency-Key` on a POST: the first request with a key runs and its answer is kept; the same
 * key and body again get that answer without a call to iSales; another body is a 422; a request
 * while the first still runs is a 409. Without the header, the route runs as usual.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  /** Longer than the slowest request (it may make several upstream calls); a crashed replica's key frees itself after it. */
  private readonly pendingMs: number;
  private readonly maxRecordBytes: number;

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pendingMs = Math.max(60_000, 4 * config.isales.timeoutMs);
    this.maxRecordBytes = config.idempotency.maxRecordBytes;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = idempotencyKeyOf(request.headers[IDEMPOTENCY_KEY_HEADER]);
    if (key === undefined) return next.handle();
    const claim = {
      key: idempotencyStoreKey(
        {
          principal: principalIdOf(request),
          method: request.method,
          route: request.routeOptions.url ?? request.url.split('?')[0],
          params: (request.params ?? {}) as Record<string, string>,
        },
        key,
      ),
      fingerprint: fingerprintOf(request.body),
    };
    return defer(async () => {
      const begin = await this.store.begin(claim.key, claim.fingerprint, this.pendingMs).catch((error: unknown) => {
        if (!(error instanceof IdempotencyStoreUnavailableError)) throw error;
        this.warn('check', error, 'Idempotency-Key cannot be checked: the write is refused (503)');
        throw new IdempotencyUnavailableError();
      });
      switch (begin.kind) {
        case 'mismatch':
          throw new IdempotencyKeyReusedError();
        case 'in-flight':
          throw new IdempotencyKeyInUseError();
        case 'replay':
          return of(this.replay(begin.answer, request, reply));
        case 'started':
          return this.run({ ...claim, token: begin.token }, next, request, reply);
      }
    }).pipe(mergeAll());
  }

  private run(claim: Claim, next: CallHandler, request: FastifyRequest, reply: FastifyReply): Observable<unknown> {
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const location = reply.getHeader('location');
        await this.keep(claim, toStoredSuccess(body, request.body, typeof location === 'string' ? location : undefined));
        return body;
      }),
      catchError(async (error: unknown) => {
        if (error instanceof GatewayError && mayHaveReachedIsales(error)) {
          await this.keep(claim, { kind: 'problem', problem: toStoredProblem(error) });
        } else {
          await this.store.release(claim.key, claim.token, claim.fingerprint).catch((failure: unknown) => this.warn('release', failure));
        }
        throw error;
      }),
    );
  }

  /** A failure to keep the answer never fails the request: the write has happened. */
  private async keep(claim: Claim, answer: StoredAnswer): Promise<void> {
    const kept = withinRecordLimit(answer, this.maxRecordBytes);
    await this.store.complete(claim.key, claim.token, claim.fingerprint, kept, IDEMPOTENCY_TTL_MS).catch((failure: unknown) => this.warn('keep', failure));
  }

  /** The first answer again; the request's body (the same, by its fingerprint) gives back the fields not kept. */
  private replay(answer: StoredAnswer, request: FastifyRequest, reply: FastifyReply): unknown {
    reply.header(REPLAYED_HEADER, 'true');
    if (answer.kind !== 'problem' && answer.location) reply.header('location', answer.location);
    if (answer.kind === 'problem') throw new ReplayedProblemError(answer.problem);
    if (answer.kind === 'not-kept') throw new IdempotencyAnswerNotKeptError(answer.bytes, this.maxRecordBytes);
    return replayedBody(answer, request.body);
  }

  private warn(step: string, failure: unknown, message = 'idempotency key not updated'): void {
    this.logger.warn({ step, reason: failure instanceof Error ? failure.message : String(failure) }, message);
  }
}
