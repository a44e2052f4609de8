import { CallHandler, ExecutionContext } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of, throwError } from 'rxjs';
import { GatewayError } from '../errors/gateway-error';
import { AUDIT_OPERATION_KEY, AuditInterceptor } from './audit.interceptor';

/** A refusal as an upstream conflict renders it (the audit reads only GatewayError's fields). */
class UpstreamConflict extends GatewayError {
  readonly slug = 'upstream-conflict';
  readonly title = 'iSales reports a state conflict';
  readonly status = 409;
  override readonly upstream = { code: '04000005', description: 'called' };
}

function handler(operation: string, httpCode?: number): () => void {
  const fn = () => undefined;
  Reflect.defineMetadata(AUDIT_OPERATION_KEY, operation, fn);
  if (httpCode !== undefined) Reflect.defineMetadata(HTTP_CODE_METADATA, httpCode, fn);
  return fn;
}

/** A Fastify request and reply as far as the interceptor reads them. */
function context(fn: () => void, request: Record<string, unknown>, replayed = false): ExecutionContext {
  const reply = { getHeader: (name: string) => (name === 'idempotent-replayed' && replayed ? 'true' : undefined) };
  return {
    getHandler: () => fn,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ExecutionContext;
}

describe('AuditInterceptor', () => {
  const interceptor = new AuditInterceptor(new Reflector());
  let lines: Array<Record<string, unknown>>;
  beforeEach(() => {
    lines = [];
    jest.spyOn(interceptor['logger'], 'log').mockImplementation((line: unknown) => void lines.push(line as Record<string, unknown>));
  });

  const run = (ctx: ExecutionContext, next: CallHandler) => lastValueFrom(interceptor.intercept(ctx, next)).catch(() => undefined);

  it('logs a create with the id it answered, and the route status', async () => {
    const ctx = context(handler('createFileServer'), { method: 'POST', params: { vdnId: '7' } });
    await run(ctx, { handle: () => of({ id: '42', host: 'h' }) });
    expect(lines).toEqual([{ audit: true, principal: null, vdnId: 7, operation: 'createFileServer', target: '42', outcome: 'success', status: 201 }]);
  });

  it('logs a change by the id in its path, a business result by its code, and the principal when there is one', async () => {
    await run(context(handler('deleteAppointment', 204), { method: 'DELETE', params: { vdnId: '1', appointmentId: '9' } }), { handle: () => of(undefined) });
    await run(context(handler('addBusinessResult'), { method: 'POST', params: { vdnId: '1' }, auth: { principal: { id: 'crm' } } }, true), {
      handle: () => of({ code: 'c1', name: 'n' }),
    });
    expect(lines).toEqual([
      expect.objectContaining({ operation: 'deleteAppointment', target: '9', status: 204, principal: null }),
      expect.objectContaining({ operation: 'addBusinessResult', target: 'c1', status: 201, principal: 'crm', replayed: true }),
    ]);
  });

  it('logs a refusal with its status, problem type and upstream code, and a failure as failed', async () => {
    const ctx = context(handler('deleteAppointment'), { method: 'DELETE', params: { vdnId: '1', appointmentId: '9' } });
    await run(ctx, { handle: () => throwError(() => new UpstreamConflict('called')) });
    await run(ctx, { handle: () => throwError(() => new Error('boom')) });
    expect(lines).toEqual([
      expect.objectContaining({ target: '9', outcome: 'rejected', status: 409, problem: 'upstream-conflict', upstreamCode: '04000005' }),
      expect.objectContaining({ target: '9', outcome: 'failed', status: 500 }),
    ]);
  });

  it("reads a route's metadata at its first request only: later requests look it up", async () => {
    const reflector = new Reflector();
    const reads = jest.spyOn(reflector, 'get');
    const audit = new AuditInterceptor(reflector);
    jest.spyOn(audit['logger'], 'log').mockImplementation(() => undefined);
    const fn = handler('deleteAppointment', 204);
    for (let i = 0; i < 3; i++) {
      const ctx = context(fn, { method: 'DELETE', params: { vdnId: '1', appointmentId: String(i) } });
      await lastValueFrom(audit.intercept(ctx, { handle: () => of(undefined) }));
    }
    expect(reads).toHaveBeenCalledTimes(2);
  });
});
