import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CALL_STATUS_PROPERTY, CallStatus } from '../../call-results/call-status';
import { ZONED_TIME_DESCRIPTION } from '../../../common/mapping/zoned-time';

/** A call result as iSales pushed it, clean: what each event's `data` and each kept entry's `record` hold. */
export class CallResultEventDto {
  @ApiProperty({ type: String, example: '0023-134864174' })
  callId: string;

  @ApiProperty({ type: 'integer', example: 11 })
  vdnId: number;

  @ApiProperty({ type: String, nullable: true, example: '3' })
  campaignId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '1202_test013' })
  sessionId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '60584' })
  calledNumber: string | null;

  @ApiProperty(CALL_STATUS_PROPERTY)
  status: CallStatus | (string & {}) | null;

  /** The CTI cause code (0 or 00000 = success). */
  @ApiProperty({ type: String, nullable: true, example: '0' })
  failCode: string | null;

  /** When the call was made (iSales callTimeStr). */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2020-08-30T20:00:00+08:00', description: ZONED_TIME_DESCRIPTION })
  calledAt: string | null;

  /** The campaign's own field, as iSales pushed it. */
  @ApiPropertyOptional({ type: String, example: 'order-4711' })
  customField?: string;

  /** The recording's URL (SaaS deployments only); absent when iSales sends none. */
  @ApiPropertyOptional({ type: String, example: 'https://obs.example.com/isales/record/ec96a62d' })
  recordingUrl?: string;

  /** When the gateway received the push (UTC). */
  @ApiProperty({ type: String, format: 'date-time', example: '2020-08-30T12:00:01.250Z' })
  receivedAt: string;
}

export class KeptCallResultDto {
  /** The entry's stream id: what `since`, an event's `id` and `Last-Event-ID` name. */
  @ApiProperty({ type: String, example: '1598788801250-0' })
  id: string;

  @ApiProperty({ type: CallResultEventDto })
  record: CallResultEventDto;
}

export class KeptCallResultPageDto {
  @ApiProperty({ type: [KeptCallResultDto] })
  items: KeptCallResultDto[];

  /** Pass as `since` for the next page (the last item's id; `since` again when nothing new was kept; null: nothing kept yet). */
  @ApiProperty({ type: String, nullable: true, example: '1598788801250-0' })
  next: string | null;
}
