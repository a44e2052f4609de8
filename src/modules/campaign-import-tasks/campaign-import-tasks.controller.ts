import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../../upstream/page.query.dto';
import { ApiProblems } from '../../common/swagger/api-problems.decorator';
import { ISALES } from '../../upstream/operations.catalogue';
import { RequireScope } from '../../edge/scopes.decorator';
import { CampaignImportTasksService } from './campaign-import-tasks.service';
import { CallDataImportTaskPageDto } from './dto/call-data-import-task.dto';
import { CampaignImportTasksParamsDto } from './dto/campaign-import-task.params.dto';
import { CALL_DATA_IMPORT_TASK_EXAMPLE } from './call-data-import-task.example';

@ApiTags('campaign import tasks')
@RequireScope('isales:read')
@Controller('api/v1/vdns/:vdnId/campaigns/:campaignId/import-tasks')
export class CampaignImportTasksController {
  constructor(private readonly service: CampaignImportTasksService) {}

  @Get()
  @ApiOperation({
    operationId: 'listCampaignImportTasks',
    summary: 'List a campaign\u2019s call-data file import tasks',
    description:
      'A page of the campaign\u2019s call-data import tasks; 404 when iSales knows no such campaign (0200007). iSales: POST calldatafile/queryDataImportTask/{campaignId}.',
  })
  @ApiOkResponse({
    type: CallDataImportTaskPageDto,
    description: 'A page of import tasks',
    example: { items: [CALL_DATA_IMPORT_TASK_EXAMPLE], page: 1, pageSize: 20, total: 1 },
  })
  @ApiProblems(ISALES.queryCallDataImportTask)
  list(@Param() params: CampaignImportTasksParamsDto, @Query() query: PageQueryDto): Promise<CallDataImportTaskPageDto> {
    return this.service.list(params.vdnId, params.campaignId, query);
  }
}
