import { Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { VdnParamsDto } from '../../../common/dto/vdn.params.dto';

/** The examples' call ids are `1644464743-1388` and `0023-134864174` (docs/isales/call-results-choices.md §2). */
export const CALL_ID_PATTERN = /^[0-9A-Za-z._:-]{1,64}$/;

export class CallResultParamsDto extends VdnParamsDto {
  /**
   * The call record's ID, from iSales' result callback or result query.
   * @example "1644464743-1388"
   */
  @ApiProperty({ pattern: CALL_ID_PATTERN.source })
  @Matches(CALL_ID_PATTERN, { message: '$property must be 1 to 64 of 0-9, A-Z, a-z, ., _, : and -' })
  callId: string;
}
