import 'reflect-metadata';
import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { AnyDirectRoute, DirectRoute, installDirectRoutes, MemoryAnswer, pathAndQueryRoute } from './direct-routes';

class ThingParams {
  id!: string;
}
class ThingQuery {
  page!: number;
}

@Controller('api/v1/things/:id/')
class ThingsController {
  @Get()
  list(@Param() params: ThingParams, @Query() query: ThingQuery): string {
    return `${params.id}:${query.page}`;
  }

  @Post()
  create(): string {
    return 'created';
  }
}

const LIST: DirectRoute<ThingsController> = {
  controller: ThingsController,
  method: 'list',
  build(controller, input) {
    const params = input('path', 0) as (value: unknown) => ThingParams;
    const query = input('query', 1) as (value: unknown) => ThingQuery;
    return { handler: (request) => controller.list(params(request.params), query(request.query)) };
  },
};

/** The hooks installDirectRoutes adds, on a stand-in for Fastify. */
function install(routes: readonly AnyDirectRoute[]) {
  const hooks: { onRoute?: (options: RouteOptions) => void; onReady?: (done: (error?: Error) => void) => void } = {};
  const fastify = { addHook: (name: 'onRoute' | 'onReady', hook: never) => (hooks[name] = hook) } as unknown as FastifyInstance;
  const checked: string[] = [];
  const checks = {
    checkOf: (kind: string, target: { name: string }) => (value: unknown) => {
      checked.push(`${kind}:${target.name}`);
      return value;
    },
  };
  const app = { get: () => new ThingsController() };
  const inMemory = installDirectRoutes(fastify, routes, { app: app as never, checks: checks });
  const ready = () => new Promise<Error | undefined>((resolve) => hooks.onReady!(resolve));
  return { onRoute: hooks.onRoute!, ready, checked, inMemory };
}

const nestHandler = () => 'nest';

describe('installDirectRoutes', () => {
  it('serves the GET Nest registers from the controller method with its own DTOs checked, and leaves every other route alone', async () => {
    const { onRoute, ready, checked } = install([LIST]);
    const get = { method: 'GET', url: '/api/v1/things/:id', handler: nestHandler } as unknown as RouteOptions;
    const post = { method: 'POST', url: '/api/v1/things/:id', handler: nestHandler } as unknown as RouteOptions;
    const head = { method: 'HEAD', url: '/api/v1/things/:id', handler: nestHandler } as unknown as RouteOptions;
    for (const route of [get, post, head]) onRoute(route);
    expect(post.handler).toBe(nestHandler);
    expect(head.handler).toBe(nestHandler);
    expect(get.handler).not.toBe(nestHandler);
    expect(checked).toEqual([]);
    const answer = (get.handler as unknown as (request: unknown) => string)({ params: { id: 'a' }, query: { page: 2 } });
    expect(answer).toBe('a:2');
    expect(checked).toEqual(['path:ThingParams', 'query:ThingQuery']);
    expect(await ready()).toBeUndefined();
  });

  it('builds a route from the path\u2019s and the query\u2019s DTOs, the path checked first', () => {
    const route = pathAndQueryRoute(ThingsController, 'list', (controller, params: ThingParams, query: ThingQuery) => controller.list(params, query));
    const { onRoute, checked } = install([route]);
    const get = { method: 'GET', url: '/api/v1/things/:id', handler: nestHandler } as unknown as RouteOptions;
    onRoute(get);
    expect((get.handler as unknown as (request: unknown) => string)({ params: { id: 'b' }, query: { page: 3 } })).toBe('b:3');
    expect(checked).toEqual(['path:ThingParams', 'query:ThingQuery']);
  });

  it('answers from memory first, through the reply, and lists the route for the memory lane with the same checks', () => {
    const answer: MemoryAnswer = { status: 200, headers: ['etag', '"e"', 'content-type', 'application/json; charset=utf-8'], body: '{}' };
    const route = pathAndQueryRoute(
      ThingsController,
      'list',
      () => 'from the store',
      (_controller, params: ThingParams, _query: ThingQuery, ifNoneMatch) =>
        params.id === 'cached' ? { ...answer, headers: [...answer.headers, 'x-seen', String(ifNoneMatch)] } : undefined,
    );
    const { onRoute, checked, inMemory } = install([route]);
    const get = { method: 'GET', url: '/api/v1/things/:id', handler: nestHandler } as unknown as RouteOptions;
    onRoute(get);
    expect(inMemory).toEqual([{ url: '/api/v1/things/:id', memory: expect.any(Function), options: get }]);

    const sent: unknown[] = [];
    const reply = {
      header: (name: string, value: string) => sent.push([name, value]) && reply,
      status: (status: number) => sent.push(status) && reply,
      send: (body: unknown) => sent.push(body),
    };
    const handler = get.handler as unknown as (request: unknown, reply: unknown) => unknown;
    handler({ params: { id: 'cached' }, query: { page: 1 }, headers: { 'if-none-match': '"x"' } }, reply);
    expect(sent).toEqual([['etag', '"e"'], ['content-type', 'application/json; charset=utf-8'], ['x-seen', '"x"'], 200, '{}']);
    expect(handler({ params: { id: 'cold' }, query: { page: 1 }, headers: {} }, reply)).toBe('from the store');
    expect(checked).toEqual(['path:ThingParams', 'query:ThingQuery', 'path:ThingParams', 'query:ThingQuery']);

    expect(inMemory[0].memory({ id: 'cached' }, { page: 1 }, undefined)?.headers).toContain('x-seen');
    expect(inMemory[0].memory({ id: 'cold' }, { page: 1 }, undefined)).toBeUndefined();
  });

  it('fails start-up when no registered GET matches a direct route', async () => {
    const { onRoute, ready } = install([LIST]);
    onRoute({ method: 'GET', url: '/api/v1/other', handler: nestHandler });
    expect((await ready())?.message).toMatch('/api/v1/things/:id');
  });

  it('refuses a method that is not a GET', () => {
    const create = { controller: ThingsController, method: 'create', build: () => ({ handler: nestHandler }) } as AnyDirectRoute;
    expect(() => install([create])).toThrow('ThingsController.create is not a GET');
  });
});
