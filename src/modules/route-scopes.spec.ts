import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { compileRoutePolicy, FASTIFY_ROUTE_CONFIG_METADATA } from '../edge/route-policy';
import { AppointmentsController } from './appointments/appointments.controller';
import { BlacklistImportTasksController } from './blacklist-import-tasks/blacklist-import-tasks.controller';
import { BusinessResultsController } from './business-results/business-results.controller';
import { FileServersController } from './file-servers/file-servers.controller';
import { CallResultsController } from './call-results/call-results.controller';
import { CallDataController } from './call-data/call-data.controller';
import { CampaignImportTasksController } from './campaign-import-tasks/campaign-import-tasks.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { BlockedNumbersController } from './blocked-numbers/blocked-numbers.controller';
import { CallResultEventsController } from './call-result-events/call-result-events.controller';
import { CallbackController } from './call-result-events/callback.controller';

const CONTROLLERS = [
  AppointmentsController,
  BlacklistImportTasksController,
  BusinessResultsController,
  FileServersController,
  CallResultsController,
  CallDataController,
  CampaignImportTasksController,
  CampaignsController,
  BlockedNumbersController,
  CallResultEventsController,
];
/** What needs isales:admin: dropping the business-result cache, emptying the do-not-call list (docs/design.md section 17; a method without a path reads `//` here). */
const ADMIN_ROUTES = ['DELETE api/v1/vdns/:vdnId/business-results/cache', 'DELETE api/v1/vdns/:vdnId/blocked-numbers//'];

/**
 * Every route of the resource controllers: `METHOD path` and the scope of the policy the edge compiles
 * from the route config Nest hands to Fastify, the very object production reads (so a route that loses
 * its decorator loses its scope here too).
 */
const policies = (controllers: ReadonlyArray<{ prototype: object }>) =>
  controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .map((name) => (controller.prototype as unknown as Record<string, unknown>)[name])
      .filter((handler): handler is object => typeof handler === 'function' && Reflect.hasMetadata(METHOD_METADATA, handler))
      .map((handler) => {
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const path = `${String(Reflect.getMetadata(PATH_METADATA, controller))}/${String(Reflect.getMetadata(PATH_METADATA, handler))}`;
        const config = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as Record<string, unknown> | undefined;
        const policy = compileRoutePolicy({ method, url: `/${path}`, config, handler: () => undefined }, 1024 * 1024, '/docs');
        return { route: `${method} ${path}`, scope: policy.public ? 'public' : policy.scope, callbackToken: policy.callbackToken };
      }),
  );
const routes = policies(CONTROLLERS).map(({ route, scope }) => ({ route, scope }));

describe('route scopes (design sections 8 and 13)', () => {
  it('reads need isales:read, every write isales:write, dropping the cache and emptying the do-not-call list isales:admin', () => {
    for (const { route, scope } of routes) {
      const expected = route.startsWith('GET ') ? 'isales:read' : ADMIN_ROUTES.includes(route) ? 'isales:admin' : 'isales:write';
      expect({ route, scope }).toEqual({ route, scope: expected });
    }
    expect(routes.filter((r) => r.scope === 'isales:admin').map((r) => r.route)).toEqual(expect.arrayContaining(ADMIN_ROUTES));
    expect(routes.filter((r) => r.scope === 'isales:write')).toHaveLength(13);
  });

  it('admits iSales\u2019 result callback by its path token alone: no scope, not public', () => {
    expect(policies([CallbackController])).toEqual([{ route: 'POST callbacks/isales/call-results/:token', scope: null, callbackToken: true }]);
  });
});
