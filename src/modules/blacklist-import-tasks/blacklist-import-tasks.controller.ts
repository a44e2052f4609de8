import { Get, Param, Query } from '@nestjs/common';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ISALES } from '../../upstream/operations.catalogue';
import { pageExample, Read, ResourceController } from '../resource-routes';
import { BlacklistImportTasksService } from './blacklist-import-tasks.service';
import { ImportTaskDto, ImportTaskPageDto } from './dto/import-task.dto';
import { ImportTaskParamsDto } from './dto/import-task.params.dto';
import { ListImportTasksQueryDto } from './dto/list-import-tasks.query.dto';
import { IMPORT_TASK_EXAMPLE } from './import-task.example';

@ResourceController('blacklist import tasks', 'api/v1/vdns/:vdnId/blacklist-import-tasks')
export class BlacklistImportTasksController {
  constructor(private readonly service: BlacklistImportTasksService) {}

  @Get()
  @Read({
    operationId: 'listBlacklistImportTasks',
    summary: 'List blacklist file import tasks',
    description: "A page of the VDN's blacklist import tasks, optionally only those with the given IDs. iSales: POST blackfile/queryDataImportTask.",
    ok: { type: ImportTaskPageDto, description: 'A page of import tasks', example: pageExample([IMPORT_TASK_EXAMPLE]) },
    problems: [ISALES.queryDataImportTask],
  })
  list(@Param() params: VdnParamsDto, @Query() query: ListImportTasksQueryDto): Promise<ImportTaskPageDto> {
    return this.service.list(params.vdnId, query);
  }

  @Get(':taskId')
  @Read({
    operationId: 'getBlacklistImportTask',
    summary: 'One blacklist file import task',
    description: 'The import task with this ID, or 404. iSales: POST blackfile/queryDataImportTask with importTaskIds.',
    ok: { type: ImportTaskDto, description: 'The import task', example: IMPORT_TASK_EXAMPLE },
    problems: [ISALES.queryDataImportTask, 404],
  })
  get(@Param() params: ImportTaskParamsDto, @Query() _query: NoQueryDto): Promise<ImportTaskDto> {
    return this.service.get(params.vdnId, params.taskId);
  }
}
