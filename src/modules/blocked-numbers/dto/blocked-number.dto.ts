import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/dto/page-of';

/** "At most 24 characters, 0-9, * and #" (blocklist/add and blocklist/delete, docs/isales/next-api-notes.md section 1). */
export const BLOCKED_NUMBER_PATTERN = /^[0-9*#]{1,24}$/;
export const BLOCKED_NUMBER_MESSAGE = '$property must be 1 to 24 of 0-9, * and #';
/** blocklist/add and blocklist/query take at most 20 numbers. */
export const MAX_NUMBERS_PER_CALL = 20;

/** A number no campaign of the VDN may call. */
export class BlockedNumberDto {
  @ApiProperty({ type: String, nullable: true, example: '13100000000' })
  number: string | null;

  /** When the block ends (ISO 8601 with the tenant's offset: ISALES_TIME_ZONE, ISALES_TIME_ZONES); null when it does not. */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2030-12-31T10:06:25+00:00' })
  expiresAt: string | null;

  /** Whether the block is in force; iSales says so only when numbers are looked up by `numbers`, null otherwise. */
  @ApiProperty({ type: Boolean, nullable: true, example: true })
  valid: boolean | null;
}

export class BlockedNumberPageDto extends PageOf(BlockedNumberDto, {
  description: "iSales' total count (its totalCount); null when iSales did not send one.",
  example: 2,
  nullable: true,
}) {}
