import { Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { ISALES_ID_PATTERN } from '../../../upstream/id-list';
import { VdnParamsDto } from '../../../common/dto/vdn.params.dto';

export class FileServerParamsDto extends VdnParamsDto {
  /**
   * File server ID.
   * @example "164690088271159234793429225848"
   */
  @ApiProperty({ pattern: ISALES_ID_PATTERN.source })
  @Matches(ISALES_ID_PATTERN, { message: '$property must be a numeric iSales ID' })
  serverId: string;
}
