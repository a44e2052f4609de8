import { IsOptional, Matches } from 'class-validator';
import { IsIntegerIn } from '../../../common/dto/integer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_PAGE_SIZE } from '../../../upstream/page.query.dto';

const CAMPAIGN_ID = /^[0-9A-Za-z._:-]{1,64}$/;
export const STREAM_ID_PATTERN = /^\d{1,20}-\d{1,20}$/;

export class CallResultEventsQueryDto {
  /** Only this campaign's results. */
  @ApiPropertyOptional({ type: String, pattern: CAMPAIGN_ID.source, example: '3' })
  @IsOptional()
  @Matches(CAMPAIGN_ID, { message: 'campaignId must be 1 to 64 of 0-9 A-Z a-z . _ : -' })
  campaignId?: string;
}

export class CallResultPageQueryDto extends CallResultEventsQueryDto {
  /** A stream id from a previous page's `next` (or an event's id): only entries after it. Without it, from the oldest kept. */
  @ApiPropertyOptional({ type: String, pattern: STREAM_ID_PATTERN.source, example: '1700000000000-0' })
  @IsOptional()
  @Matches(STREAM_ID_PATTERN, { message: 'since must be a stream id such as 1700000000000-0' })
  since?: string;

  /**
   * Entries per page.
   * @example 100
   */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 })
  @IsOptional()
  @IsIntegerIn(1, MAX_PAGE_SIZE)
  pageSize: number = 100;
}
