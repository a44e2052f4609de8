import { pathAndQueryRoute } from '../../edge/direct-routes';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { BusinessResultsController } from './business-results.controller';
import { ListBusinessResultsQueryDto } from './dto/list-business-results.query.dto';

/**
 * `GET /api/v1/vdns/{vdnId}/business-results`, the cache hit, served by a handler wired at start-up
 * (src/edge/direct-routes.ts): the controller's `list` in its two parts, with its parameters' own
 * compiled checks: a hit from memory before the request's context is entered (and served by the
 * memory lane, src/edge/memory-lane.ts, when it can), the rest inside it.
 */
export const LIST_BUSINESS_RESULTS = pathAndQueryRoute(
  BusinessResultsController,
  'list',
  (controller, params: VdnParamsDto, query: ListBusinessResultsQueryDto, request, reply) =>
    controller.listFromStore(params, query, request.headers['if-none-match'], reply),
  (controller, params, query, ifNoneMatch) => controller.listFromMemory(params, query, ifNoneMatch),
);
