import { Module } from '@nestjs/common';
import { CampaignImportTasksController } from './campaign-import-tasks.controller';
import { CampaignImportTasksService } from './campaign-import-tasks.service';

@Module({ controllers: [CampaignImportTasksController], providers: [CampaignImportTasksService] })
export class CampaignImportTasksModule {}
