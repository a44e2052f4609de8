import 'reflect-metadata';
import type { RouteOptions } from 'fastify';
import { Public, RequireScope } from './scopes.decorator';
import { Principal } from '../auth/principal';
import { authorize } from './authorize';
import { BodyLimit, CallbackToken, compileRoutePolicy, RoutePolicy } from './route-policy';

@RequireScope('isales:read')
class Routes {
  list() {}
  @RequireScope('isales:write')
  @BodyLimit(4096)
  create() {}
  @Public()
  open() {}
}

@Public()
class Probes {
  live() {}
}

class Callbacks {
  @CallbackToken()
  @BodyLimit(8192)
  receive() {}
}

class Undeclared {
  anything() {}
}

const handler = (type: { prototype: object }, name: string): object => Object.getOwnPropertyDescriptor(type.prototype, name)!.value as object;

/** What Nest's Fastify adapter hands to Fastify for a handler: its @RouteConfig metadata as `config`. */
function registered(method: object, url: string): RouteOptions {
  const config: unknown = Reflect.getMetadata('__fastify_route_config__', method);
  return { method: 'GET', url, handler: () => undefined, config } as unknown as RouteOptions;
}

const compile = (method: object, url: string) => compileRoutePolicy(registered(method, url), 65536, '/docs');

describe('compileRoutePolicy', () => {
  it('compiles a class scope and a method override', () => {
    expect(compile(handler(Routes, 'list'), '/api/v1/vdns/:vdnId/things')).toMatchObject({
      public: false,
      scope: 'isales:read',
      vdnParam: true,
    });
    expect(compile(handler(Routes, 'create'), '/api/v1/vdns/:vdnId/things')).toMatchObject({
      scope: 'isales:write',
    });
    expect(compile(handler(Routes, 'open'), '/api/v1/open')).toMatchObject({ public: true, scope: null, vdnParam: false });
  });

  it('makes probes public and unlimited, Swagger UI public, and an undeclared Nest route closed', () => {
    expect(compile(handler(Probes, 'live'), '/health/live')).toMatchObject({ public: true, unlimited: true });
    expect(compileRoutePolicy({ method: 'GET', url: '/docs/json', handler: () => undefined }, 65536, '/docs').public).toBe(true);
    expect(compile(handler(Undeclared, 'anything'), '/api/v1/anything')).toMatchObject({ public: false, scope: null });
  });

  it('compiles a callback-token route: no scope, no principal; only with a :token segment', () => {
    const receive = (url: string) => compileRoutePolicy({ ...registered(handler(Callbacks, 'receive'), url), method: 'POST' }, 65536, '/docs');
    expect(receive('/callbacks/isales/call-results/:token')).toMatchObject({ callbackToken: true, public: false, scope: null, bodyLimitBytes: 8192 });
    // Without the segment it checks, the route fails closed like an undeclared one.
    expect(receive('/callbacks/isales/call-results')).toMatchObject({ callbackToken: false, public: false, scope: null });
    expect(compile(handler(Routes, 'list'), '/x').callbackToken).toBe(false);
  });

  it('never lets a route take more than HTTP_BODY_LIMIT_BYTES, and a route without a body 1 KiB', () => {
    const post = (method: object, cap: number) => compileRoutePolicy({ ...registered(method, '/x'), method: 'POST' }, cap, '/docs').bodyLimitBytes;
    expect(post(handler(Routes, 'create'), 65536)).toBe(4096);
    expect(post(handler(Routes, 'create'), 2048)).toBe(2048);
    expect(post(handler(Routes, 'list'), 65536)).toBe(65536);
    expect(compile(handler(Routes, 'list'), '/x').bodyLimitBytes).toBe(1024);
  });
});

describe('authorize', () => {
  const reader: Principal = { id: 'key:crm', vdns: new Set([1, 2]), scopes: new Set(['isales:read']) };
  const everything: Principal = { id: 'sub:ops', vdns: '*', scopes: new Set(['isales:read', 'isales:admin']) };
  const read = compile(handler(Routes, 'list'), '/api/v1/vdns/:vdnId/things');
  const closed = compile(handler(Undeclared, 'anything'), '/api/v1/anything');
  const admin: RoutePolicy = { ...read, scope: 'isales:admin' };
  const reason = (policy: RoutePolicy, principal: Principal, params: object) => authorize(policy, principal, params)?.error.reason ?? null;

  it('fails closed on a route that declares no scope, whoever calls', () => {
    expect(reason(closed, everything, {})).toBe('route-without-scope');
  });

  it('checks the scope and the raw vdnId before any pipe', () => {
    expect(reason(read, reader, { vdnId: '1' })).toBeNull();
    expect(reason(read, reader, { vdnId: '0002' })).toBeNull();
    expect(reason(admin, reader, { vdnId: '1' })).toBe('missing-scope');
    for (const vdnId of ['3', 'abc', '1.0', '', '12345', '-1']) expect(reason(read, reader, { vdnId })).toBe('vdn-not-allowed');
    expect(reason(read, everything, { vdnId: 'abc' })).toBeNull();
    expect(authorize(admin, reader, { vdnId: '1' })?.error.status).toBe(403);
  });
});
