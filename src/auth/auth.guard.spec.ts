import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GatewayError } from '../common/errors/gateway-error';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';
import { AuthUnavailableError } from './auth.errors';
import { AuthState, Principal } from './principal';
import { Public, RequireScope } from './scopes.decorator';

class Routes {
  @RequireScope('isales:read')
  read() {}
  @RequireScope('isales:admin')
  admin() {}
  @Public()
  open() {}
  undeclared() {}
}

const authenticator = new Authenticator({ disabled: false, jwt: null, apiKeys: [{ id: 'x', sha256: '0'.repeat(64), vdns: '*', scopes: new Set() }] });
const guard = new AuthGuard(new Reflector(), authenticator);

function context(handler: keyof Routes, auth: AuthState | undefined, params: Record<string, string> = { vdnId: '1' }): ExecutionContext {
  const request = { auth, params };
  return {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const as = (principal: Principal | null): AuthState => ({ principal, error: null, failure: null });
const reader: Principal = { id: 'key:crm', vdns: new Set([1, 2]), scopes: new Set(['isales:read']) };
const everything: Principal = { id: 'sub:ops', vdns: '*', scopes: new Set(['isales:read', 'isales:admin']) };

function refusal(run: () => unknown): { status: number; reason?: string } {
  try {
    run();
  } catch (error) {
    return { status: (error as GatewayError).status, reason: (error as { reason?: string }).reason };
  }
  throw new Error('expected a refusal');
}

describe('AuthGuard', () => {
  it('lets anyone call a public route, even with refused credentials', () => {
    expect(guard.canActivate(context('open', undefined))).toBe(true);
    expect(guard.canActivate(context('open', { principal: null, error: new AuthUnavailableError(), failure: 'x' }))).toBe(true);
  });

  it('fails closed on a route that declares no scope, whoever calls', () => {
    expect(refusal(() => guard.canActivate(context('undeclared', as(everything))))).toEqual({ status: 403, reason: 'route-without-scope' });
  });

  it('answers 401 without a principal, and rethrows what authentication refused', () => {
    expect(refusal(() => guard.canActivate(context('read', undefined)))).toEqual({ status: 401, reason: 'missing-credentials' });
    expect(refusal(() => guard.canActivate(context('read', { principal: null, error: new AuthUnavailableError(), failure: 'x' })))).toMatchObject({ status: 503 });
  });

  it('checks the scope and the raw vdnId before any pipe', () => {
    expect(guard.canActivate(context('read', as(reader)))).toBe(true);
    expect(guard.canActivate(context('read', as(reader), { vdnId: '0002' }))).toBe(true);
    expect(refusal(() => guard.canActivate(context('admin', as(reader))))).toEqual({ status: 403, reason: 'missing-scope' });
    for (const vdnId of ['3', 'abc', '1.0', '', '12345', '-1']) {
      expect(refusal(() => guard.canActivate(context('read', as(reader), { vdnId })))).toEqual({ status: 403, reason: 'vdn-not-allowed' });
    }
    expect(guard.canActivate(context('read', as(everything), { vdnId: 'abc' }))).toBe(true);
    expect(guard.canActivate(context('admin', as(everything), {}))).toBe(true);
  });

  it('records the reason of a refusal for the request log', () => {
    const state = as(reader);
    refusal(() => guard.canActivate(context('read', state, { vdnId: '9' })));
    expect(state.failure).toBe('vdn-not-allowed');
  });
});
