import { Module } from '@nestjs/common';
import { BusinessResultsController } from './business-results.controller';
import { BusinessResultsService } from './business-results.service';

@Module({ controllers: [BusinessResultsController], providers: [BusinessResultsService] })
export class BusinessResultsModule {}
