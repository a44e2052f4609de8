import { Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { VdnParamsDto } from '../../../common/dto/vdn.params.dto';

/** addBusinessResult's rule for codes (api-notes.md 1.3): up to 50 of [0-9A-Za-z-]. */
export const BUSINESS_RESULT_CODE_PATTERN = /^[0-9A-Za-z-]{1,50}$/;

export class BusinessResultParamsDto extends VdnParamsDto {
  /**
   * A parent or a child business-result code.
   * @example "11111"
   */
  @ApiProperty({ pattern: BUSINESS_RESULT_CODE_PATTERN.source })
  @Matches(BUSINESS_RESULT_CODE_PATTERN, { message: '$property must be 1 to 50 of 0-9, A-Z, a-z and -' })
  code: string;
}
