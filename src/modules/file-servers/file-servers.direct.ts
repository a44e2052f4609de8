import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import type { DirectRoute } from '../../edge/direct-routes';
import { ListFileServersQueryDto } from './dto/list-file-servers.query.dto';
import { FileServersController } from './file-servers.controller';

/**
 * `GET /api/v1/vdns/{vdnId}/file-servers`, the proxied read, served by a handler wired at start-up
 * (src/edge/direct-routes.ts): the controller's `list` with its parameters' own compiled checks;
 * the page it answers is sent as Nest sends a returned value (200, JSON).
 */
export const LIST_FILE_SERVERS: DirectRoute<FileServersController> = {
  controller: FileServersController,
  method: 'list',
  build(controller, input) {
    const params = input('path', 0) as (value: unknown) => VdnParamsDto;
    const query = input('query', 1) as (value: unknown) => ListFileServersQueryDto;
    return (request) => controller.list(params(request.params), query(request.query));
  },
};
