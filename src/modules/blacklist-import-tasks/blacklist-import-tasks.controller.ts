import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ApiProblems } from '../../common/swagger/api-problems.decorator';
import { ISALES } from '../../upstream/operations.catalogue';
import { BlacklistImportTasksService } from './blacklist-import-tasks.service';
import { ImportTaskDto, ImportTaskPageDto } from './dto/import-task.dto';
import { ImportTaskParamsDto } from './dto/import-task.params.dto';
import { ListImportTasksQueryDto } from './dto/list-import-tasks.query.dto';
import { IMPORT_TASK_EXAMPLE } from './import-task.example';
import { RequireScope } from '../../edge/scopes.decorator';

@ApiTags('blacklist import tasks')
@RequireScope('isales:read')
@Controller('api/v1/vdns/:vdnId/blacklist-import-tasks')
export class BlacklistImportTasksController {
  constructor(private readonly service: BlacklistImportTasksService) {}

  @Get()
  @ApiOperation({
    operationId: 'listBlacklistImportTasks',
    summary: 'List blacklist file import tasks',
    description: "A page of the VDN's blacklist import tasks, optionally only those with the given IDs. iSales: POST blackfile/queryDataImportTask.",
  })
  @ApiOkResponse({
    type: ImportTaskPageDto,
    description: 'A page of import tasks',
    example: { items: [IMPORT_TASK_EXAMPLE], page: 1, pageSize: 20, total: 1 },
  })
  @ApiProblems(ISALES.queryDataImportTask)
  list(@Param() params: VdnParamsDto, @Query() query: ListImportTasksQueryDto): Promise<ImportTaskPageDto> {
    return this.service.list(params.vdnId, query);
  }

  @Get(':taskId')
  @ApiOperation({
    operationId: 'getBlacklistImportTask',
    summary: 'One blacklist file import task',
    description: 'The import task with this ID, or 404. iSales: POST blackfile/queryDataImportTask with importTaskIds.',
  })
  @ApiOkResponse({ type: ImportTaskDto, description: 'The import task', example: IMPORT_TASK_EXAMPLE })
  @ApiProblems(ISALES.queryDataImportTask, 404)
  get(@Param() params: ImportTaskParamsDto, @Query() _query: NoQueryDto): Promise<ImportTaskDto> {
    return this.service.get(params.vdnId, params.taskId);
  }
}
