import { applyDecorators, SetMetadata } from '@nestjs/common';

/** What a principal may do; routes declare one, the global guard checks it (docs/design.md section 8). */
export const SCOPES = ['isales:read', 'isales:write', 'isales:admin'] as const;
export type Scope = (typeof SCOPES)[number];

export const REQUIRED_SCOPE_KEY = 'isales-gateway:required-scope';
export const PUBLIC_ROUTE_KEY = 'isales-gateway:public-route';

/** The scope a route needs. A route with neither this nor @Public() is refused (fails closed). */
export const RequireScope = (scope: Scope) => applyDecorators(SetMetadata(REQUIRED_SCOPE_KEY, scope));

/** A route anyone may call (health probes, API docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE_KEY, true);
