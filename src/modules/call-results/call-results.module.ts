import { Module } from '@nestjs/common';
import { CallResultsController } from './call-results.controller';
import { CallResultsService } from './call-results.service';

@Module({ controllers: [CallResultsController], providers: [CallResultsService] })
export class CallResultsModule {}
