import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { pathAndQueryRoute } from '../../edge/direct-routes';
import { ListFileServersQueryDto } from './dto/list-file-servers.query.dto';
import { FileServersController } from './file-servers.controller';

/**
 * `GET /api/v1/vdns/{vdnId}/file-servers`, the proxied read, served by a handler wired at start-up
 * (src/edge/direct-routes.ts): the controller's `list` with its parameters' own compiled checks;
 * the page it answers is sent as Nest sends a returned value (200, JSON).
 */
export const LIST_FILE_SERVERS = pathAndQueryRoute(FileServersController, 'list', (controller, params: VdnParamsDto, query: ListFileServersQueryDto) =>
  controller.list(params, query),
);
