import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CALL_STATUS_PROPERTY, CallStatus } from '../call-status';
import { ZONED_TIME_DESCRIPTION } from '../../../common/mapping/zoned-time';

/** How one outbound call ended (iSales callresultdetail). */
export class CallResultDto {
  /** The call record's ID (links to the CTI platform's call records). */
  @ApiProperty({ type: String, nullable: true, example: '1644464743-1388' })
  callId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '88881955' })
  calledNumber: string | null;

  @ApiProperty(CALL_STATUS_PROPERTY)
  status: CallStatus | (string & {}) | null;

  /** The CTI cause code (00000 = success). */
  @ApiProperty({ type: String, nullable: true, example: '00000' })
  failCode: string | null;

  /** When the called party's phone started ringing. */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2022-02-10T11:45:43+08:00', description: ZONED_TIME_DESCRIPTION })
  ringingAt: string | null;

  /** When the call was answered. */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2022-02-10T11:45:47+08:00', description: ZONED_TIME_DESCRIPTION })
  startedAt: string | null;

  /** When the call was hung up. */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2022-02-10T11:45:51+08:00', description: ZONED_TIME_DESCRIPTION })
  endedAt: string | null;

  /** The tenant's display-result code for the cause (iSales resultCode), e.g. OB99999. */
  @ApiProperty({ type: String, nullable: true, example: 'OB99999' })
  displayResult: string | null;

  /** The VDN iSales says the called number belongs to. */
  @ApiProperty({ type: Number, nullable: true, example: 8 })
  vdnId: number | null;

  /** The recording's URL (SaaS deployments only); absent when iSales sends none. */
  @ApiPropertyOptional({ type: String, example: 'https://obs.example.com/isales/record/ec96a62d' })
  recordingUrl?: string;
}
