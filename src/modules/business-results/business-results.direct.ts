import type { DirectRoute } from '../../edge/direct-routes';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { BusinessResultsController } from './business-results.controller';
import { ListBusinessResultsQueryDto } from './dto/list-business-results.query.dto';

/**
 * `GET /api/v1/vdns/{vdnId}/business-results`, the cache hit, served by a handler wired at start-up
 * (src/edge/direct-routes.ts): the controller's `list` with its parameters' own compiled checks.
 */
export const LIST_BUSINESS_RESULTS: DirectRoute<BusinessResultsController> = {
  controller: BusinessResultsController,
  method: 'list',
  build(controller, input) {
    const params = input('path', 0) as (value: unknown) => VdnParamsDto;
    const query = input('query', 1) as (value: unknown) => ListBusinessResultsQueryDto;
    // The path's parameters first: Nest's pipes answer the first argument's problem too.
    return (request, reply) => controller.list(params(request.params), query(request.query), request.headers['if-none-match'], reply);
  },
};
