import { Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { ISALES_ID_PATTERN } from '../../../upstream/id-list';
import { VdnParamsDto } from '../../../common/dto/vdn.params.dto';

export class ImportTaskParamsDto extends VdnParamsDto {
  /**
   * Import task ID.
   * @example "164698362894300182038011895728"
   */
  @ApiProperty({ pattern: ISALES_ID_PATTERN.source })
  @Matches(ISALES_ID_PATTERN, { message: '$property must be a numeric iSales ID' })
  taskId: string;
}
