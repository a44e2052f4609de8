import { Injectable } from '@nestjs/common';

import { IsalesClient } from '../../upstream/isales.client';
import { exactlyOne, restPage } from '../resource-reads';
import { ImportTaskDto, ImportTaskPageDto } from './dto/import-task.dto';
import { ListImportTasksQueryDto } from './dto/list-import-tasks.query.dto';
import { toImportTask, toImportTaskQuery } from './import-task.mapper';

@Injectable()
export class BlacklistImportTasksService {
  constructor(private readonly isales: IsalesClient) {}

  async list(vdnId: number, query: ListImportTasksQueryDto): Promise<ImportTaskPageDto> {
    const page = await this.isales.listImportTasks(vdnId, toImportTaskQuery(query));
    return restPage(page, toImportTask, query);
  }

  async get(vdnId: number, taskId: string): Promise<ImportTaskDto> {
    const page = await this.isales.listImportTasks(vdnId, toImportTaskQuery({ page: 1, pageSize: 1, ids: [taskId] }));
    return toImportTask(exactlyOne(page, (task) => task.id, taskId, `No blacklist import task ${taskId} in VDN ${vdnId}`));
  }
}
