import { Get, Param, Query } from '@nestjs/common';
import { PageQueryDto } from '../../upstream/page.query.dto';
import { ISALES } from '../../upstream/operations.catalogue';
import { pageExample, Read, ResourceController } from '../resource-routes';
import { CampaignImportTasksService } from './campaign-import-tasks.service';
import { CallDataImportTaskPageDto } from './dto/call-data-import-task.dto';
import { CampaignImportTasksParamsDto } from './dto/campaign-import-task.params.dto';
import { CALL_DATA_IMPORT_TASK_EXAMPLE } from './call-data-import-task.example';

@ResourceController('campaign import tasks', 'api/v1/vdns/:vdnId/campaigns/:campaignId/import-tasks')
export class CampaignImportTasksController {
  constructor(private readonly service: CampaignImportTasksService) {}

  @Get()
  @Read({
    operationId: 'listCampaignImportTasks',
    summary: 'List a campaign\u2019s call-data file import tasks',
    description:
      'A page of the campaign\u2019s call-data import tasks; 404 when iSales knows no such campaign (0200007). iSales: POST calldatafile/queryDataImportTask/{campaignId}.',
    ok: { type: CallDataImportTaskPageDto, description: 'A page of import tasks', example: pageExample([CALL_DATA_IMPORT_TASK_EXAMPLE]) },
    problems: [ISALES.queryCallDataImportTask],
  })
  list(@Param() params: CampaignImportTasksParamsDto, @Query() query: PageQueryDto): Promise<CallDataImportTaskPageDto> {
    return this.service.list(params.vdnId, params.campaignId, query);
  }
}
