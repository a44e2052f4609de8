import { Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { VdnParamsDto } from '../../../common/dto/vdn.params.dto';
import { BLOCKED_NUMBER_MESSAGE, BLOCKED_NUMBER_PATTERN } from './blocked-number.dto';

export class BlockedNumberParamsDto extends VdnParamsDto {
  /**
   * The blocked number (`#` written `%23` in a URL).
   * @example "13100000000"
   */
  @ApiProperty({ pattern: BLOCKED_NUMBER_PATTERN.source })
  @Matches(BLOCKED_NUMBER_PATTERN, { message: BLOCKED_NUMBER_MESSAGE })
  number: string;
}
