import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../common/errors/gateway-error';
import { IsalesClient } from '../../upstream/isales.client';
import { ImportTaskDto, ImportTaskPageDto } from './dto/import-task.dto';
import { ListImportTasksQueryDto } from './dto/list-import-tasks.query.dto';
import { toImportTask, toImportTaskQuery } from './import-task.mapper';

@Injectable()
export class BlacklistImportTasksService {
  constructor(private readonly isales: IsalesClient) {}

  async list(vdnId: number, query: ListImportTasksQueryDto): Promise<ImportTaskPageDto> {
    const page = await this.isales.listImportTasks(vdnId, toImportTaskQuery(query));
    return { items: page.items.map(toImportTask), page: query.page, pageSize: query.pageSize, total: page.total };
  }

  async get(vdnId: number, taskId: string): Promise<ImportTaskDto> {
    const page = await this.isales.listImportTasks(vdnId, toImportTaskQuery({ page: 1, pageSize: 1, ids: [taskId] }));
    // Only an exact match: if iSales ignored the id filter, the first task would be the wrong one.
    const task = page.items.find((item) => item.id === taskId);
    if (!task) throw new ResourceNotFoundError(`No blacklist import task ${taskId} in VDN ${vdnId}`);
    return toImportTask(task);
  }
}
