import { Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { VdnParamsDto } from '../../../common/dto/vdn.params.dto';
import { BUSINESS_RESULT_CODE_MESSAGE, BUSINESS_RESULT_CODE_PATTERN } from '../../../upstream/business-result-code';

export { BUSINESS_RESULT_CODE_PATTERN };

export class BusinessResultParamsDto extends VdnParamsDto {
  /**
   * A parent or a child business-result code.
   * @example "11111"
   */
  @ApiProperty({ pattern: BUSINESS_RESULT_CODE_PATTERN.source })
  @Matches(BUSINESS_RESULT_CODE_PATTERN, { message: BUSINESS_RESULT_CODE_MESSAGE })
  code: string;
}
