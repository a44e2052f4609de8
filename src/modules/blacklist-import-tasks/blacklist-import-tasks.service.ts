import { Injectable } from '@nestjs/common';
import { IsalesClient } from '../../upstream/isales.client';
import { IsalesImportTask } from '../../upstream/isales.types';
import { FilteredResourceService } from '../resource-reads';
import { ImportTaskDto } from './dto/import-task.dto';
import { toImportTask, toImportTaskQuery } from './import-task.mapper';

@Injectable()
export class BlacklistImportTasksService extends FilteredResourceService<IsalesImportTask, ImportTaskDto> {
  constructor(isales: IsalesClient) {
    super({
      fetch: (vdnId, query) => isales.listImportTasks(vdnId, toImportTaskQuery(query)),
      map: toImportTask,
      idOf: (task) => task.id,
      noun: 'blacklist import task',
    });
  }
}
