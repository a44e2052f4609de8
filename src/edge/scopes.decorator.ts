import type { Scope } from '../common/request/scopes';
import { declareRoute } from './route-policy';

/**
 * The scope a route needs, compiled into its route policy when the route is registered. A route
 * with neither this nor @Public() is refused (fails closed).
 */
export const RequireScope = (scope: Scope) => declareRoute({ scope });

/** A route anyone may call (health probes, API docs). */
export const Public = () => declareRoute({ public: true });
