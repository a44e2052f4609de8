import { Module } from '@nestjs/common';
import { CallDataController } from './call-data.controller';
import { CallDataService } from './call-data.service';

@Module({ controllers: [CallDataController], providers: [CallDataService] })
export class CallDataModule {}
