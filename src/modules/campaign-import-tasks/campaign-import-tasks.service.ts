import { Injectable } from '@nestjs/common';
import { toOffsetLimit } from '../../common/dto/page.query.dto';
import { PageQueryDto } from '../../common/dto/page.query.dto';
import { IsalesClient } from '../../upstream/isales.client';
import { toCallDataImportTask } from './call-data-import-task.mapper';
import { CallDataImportTaskPageDto } from './dto/call-data-import-task.dto';

@Injectable()
export class CampaignImportTasksService {
  constructor(private readonly isales: IsalesClient) {}

  async list(vdnId: number, campaignId: string, query: PageQueryDto): Promise<CallDataImportTaskPageDto> {
    const page = await this.isales.listCallDataImportTasks(vdnId, campaignId, toOffsetLimit(query));
    return { items: page.items.map(toCallDataImportTask), page: query.page, pageSize: query.pageSize, total: page.total };
  }
}
