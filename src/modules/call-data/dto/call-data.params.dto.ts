import { IsIntegerIn } from '../../../common/dto/integer';
import { ApiProperty } from '@nestjs/swagger';
import { VdnParamsDto } from '../../../common/dto/vdn.params.dto';

/** callBusiResult types dataId int (docs/isales/call-results-choices.md §3). */
export const MAX_DATA_ID = 2147483647;

export class CallDataParamsDto extends VdnParamsDto {
  /**
   * The outbound call data record's ID.
   * @example 1001
   */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_DATA_ID })
  @IsIntegerIn(1, MAX_DATA_ID)
  dataId: number;
}
