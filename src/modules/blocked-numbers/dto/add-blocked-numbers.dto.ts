import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '../../appointments/dto/instant';
import { IsNotWith } from '../../../common/dto/not-with';
import { BLOCKED_NUMBER_MESSAGE, BLOCKED_NUMBER_PATTERN, MAX_NUMBERS_PER_CALL } from './blocked-number.dto';

/** blocklist/add's validity period: 1 to 120 hours. */
export const MAX_VALIDITY_HOURS = 120;

/** Numbers to block, for a period or until an instant (not both), or for good (neither). */
export class AddBlockedNumbersDto {
  /**
   * 1 to 20 different numbers, none already blocked (iSales adds none of them otherwise). A number given twice is refused
   * by the gateway, naming its position (`numbers[2]`), before iSales is called.
   */
  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_NUMBERS_PER_CALL, uniqueItems: true, example: ['13100000002', '13100000003'] })
  @IsArray({ message: '$property must be a list' })
  @ArrayMinSize(1, { message: '$property must hold at least one number' })
  @ArrayMaxSize(MAX_NUMBERS_PER_CALL, { message: `$property must hold at most ${MAX_NUMBERS_PER_CALL} numbers` })
  @Matches(BLOCKED_NUMBER_PATTERN, { each: true, message: `each of $property ${BLOCKED_NUMBER_MESSAGE.replace('$property ', '')}` })
  numbers: string[];

  /** Blocked for this many hours from now (iSales' validityTime); not with `expiresAt`. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_VALIDITY_HOURS, example: 24 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VALIDITY_HOURS)
  @IsNotWith('expiresAt')
  validityHours?: number;

  /** Blocked until this instant (ISO 8601 with a time zone; iSales' validityExpirationTime, sent as the tenant's wall clock: ISALES_TIME_ZONE, ISALES_TIME_ZONES); not with `validityHours`. */
  // No example: the examples make one body, and it may not hold both an expiry and a period.
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsInstant()
  @IsNotWith('validityHours')
  expiresAt?: string;
}
