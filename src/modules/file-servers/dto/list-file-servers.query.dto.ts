import { IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IdList, MAX_IDS } from '../../../upstream/id-list';
import { PageQueryDto } from '../../../upstream/page.query.dto';

export class ListFileServersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: String,
    description: `Comma-separated file server IDs (numeric, at most ${MAX_IDS}); only these are returned`,
    example: '164690088271159234793429225848',
  })
  @IsOptional()
  @IdList()
  ids?: string[];
}
