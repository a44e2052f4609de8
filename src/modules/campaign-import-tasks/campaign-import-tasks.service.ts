import { Injectable } from '@nestjs/common';
import { toOffsetLimit } from '../../upstream/page.query.dto';
import { PageQueryDto } from '../../upstream/page.query.dto';
import { IsalesClient } from '../../upstream/isales.client';
import { restPage } from '../resource-reads';
import { toCallDataImportTask } from './call-data-import-task.mapper';
import { CallDataImportTaskPageDto } from './dto/call-data-import-task.dto';

@Injectable()
export class CampaignImportTasksService {
  constructor(private readonly isales: IsalesClient) {}

  async list(vdnId: number, campaignId: string, query: PageQueryDto): Promise<CallDataImportTaskPageDto> {
    const page = await this.isales.listCallDataImportTasks(vdnId, campaignId, toOffsetLimit(query));
    return restPage(page, toCallDataImportTask, query);
  }
}
