import { applyDecorators, SetMetadata } from '@nestjs/common';
import { declareRoute } from './route-policy';

/** What a principal may do; routes declare one, the edge checks it (docs/design.md sections 8 and 14). */
export const SCOPES = ['isales:read', 'isales:write', 'isales:admin'] as const;
export type Scope = (typeof SCOPES)[number];

export const REQUIRED_SCOPE_KEY = 'isales-gateway:required-scope';
export const PUBLIC_ROUTE_KEY = 'isales-gateway:public-route';

/**
 * The scope a route needs, compiled into its route policy when the route is registered. A route
 * with neither this nor @Public() is refused (fails closed).
 */
export const RequireScope = (scope: Scope) => applyDecorators(SetMetadata(REQUIRED_SCOPE_KEY, scope), declareRoute({ scope }));

/** A route anyone may call (health probes, API docs). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE_KEY, true), declareRoute({ public: true }));
