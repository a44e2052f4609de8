import { Module } from '@nestjs/common';
import { BlacklistImportTasksController } from './blacklist-import-tasks.controller';
import { BlacklistImportTasksService } from './blacklist-import-tasks.service';

@Module({ controllers: [BlacklistImportTasksController], providers: [BlacklistImportTasksService] })
export class BlacklistImportTasksModule {}
