import { ApiProperty } from '@nestjs/swagger';
import { ApiNamedCode } from '../../../common/dto/named-code';
import { MATCHES_TOTAL, PageOf } from '../../../common/dto/page-of';

export const APPOINTMENT_TYPES = ['manual', 'automatic'] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];

/** The outbound campaign (task) the reservation belongs to. */
export class AppointmentTaskDto {
  /** Task ID (a numeric string). */
  @ApiProperty({ type: String, nullable: true, example: '1106025109' })
  id: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Preempted task' })
  name: string | null;

  /** iSales' task status code, passed through as it comes (not enumerated by iSales). */
  @ApiProperty({ type: String, nullable: true, example: '2', description: 'iSales task status code, opaque (not enumerated by iSales)' })
  status: string | null;
}

/** The agent who owns the reservation. */
export class AppointmentAgentDto {
  /** Agent business account (or agent ID). */
  @ApiProperty({ type: String, nullable: true, example: '116' })
  account: string | null;

  @ApiProperty({ type: String, nullable: true, example: '116' })
  name: string | null;
}

/** The call made for the reservation. */
export class AppointmentCallDto {
  /** When the call started (ISO 8601, UTC). */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2025-05-15T09:48:33.000Z' })
  startedAt: string | null;

  /** When the call ended (ISO 8601, UTC). */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2025-05-15T09:48:43.000Z' })
  endedAt: string | null;

  /** iSales' call status code (callFlag), opaque. */
  @ApiProperty({ type: String, nullable: true, example: '2', description: 'iSales call status code (callFlag), opaque' })
  flag: string | null;

  /** CTI cause code (failCode), e.g. 00604 = call rejected; opaque. */
  @ApiProperty({ type: String, nullable: true, example: '00604', description: 'CTI cause code (iSales failCode), opaque' })
  failCode: string | null;

  /** The tenant's display result code (iSales result), opaque. */
  @ApiProperty({ type: String, nullable: true, example: '0101', description: 'The tenant\u2019s display result code (iSales result), opaque' })
  result: string | null;
}

/** A reserved (appointment) outbound call. */
export class AppointmentDto {
  /** Reservation ID (a numeric string of about 30 digits). */
  @ApiProperty({ type: String, nullable: true, example: '174730253678826340158055543045' })
  id: string | null;

  /** `manual | automatic`; an undocumented upstream code passes through as its raw string. */
  @ApiNamedCode(APPOINTMENT_TYPES, 'automatic')
  type: AppointmentType | (string & {}) | null;

  /** The reserved time (ISO 8601, UTC). */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2025-05-15T09:48:43.000Z' })
  appointedAt: string | null;

  @ApiProperty({ type: String, nullable: true, example: '66660001' })
  calledNumber: string | null;

  @ApiProperty({ type: String, nullable: true, example: '710002' })
  callerNumber: string | null;

  /** True when the reservation has expired. */
  @ApiProperty({ type: Boolean, nullable: true, example: true })
  expired: boolean | null;

  @ApiProperty({ type: AppointmentTaskDto })
  task: AppointmentTaskDto;

  @ApiProperty({ type: AppointmentAgentDto })
  agent: AppointmentAgentDto;

  @ApiProperty({ type: AppointmentCallDto })
  call: AppointmentCallDto;

  /** The business result's name, as iSales writes it ("parent > child"). */
  @ApiProperty({ type: String, nullable: true, example: 'Reservation business result > aab' })
  businessResult: string | null;

  /** When the reservation was created (ISO 8601, UTC). */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2025-05-15T09:48:56.000Z' })
  createdAt: string | null;
}

export class AppointmentPageDto extends PageOf(AppointmentDto, { description: MATCHES_TOTAL, example: 4, nullable: true }) {}
