import { IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IdList, MAX_IDS } from '../../../upstream/id-list';
import { PageQueryDto } from '../../../upstream/page.query.dto';

export class ListImportTasksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: String,
    description: `Comma-separated import task IDs (numeric, at most ${MAX_IDS}); only these are returned`,
    example: '164698362894300182038011895728',
  })
  @IsOptional()
  @IdList()
  ids?: string[];
}
