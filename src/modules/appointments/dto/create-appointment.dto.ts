import { IsIn, IsOptional, Matches } from 'class-validator';
import { Variants } from '../../../common/dto/variants';
import { OptionalText } from '../../../common/dto/optional-string';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISALES_ID_PATTERN } from '../../../upstream/id-list';
import { AGENT_ACCOUNT_PATTERN } from './agent-list';
import { APPOINTMENT_TYPES, AppointmentType } from './appointment.dto';
import { IsCallData, MAX_CALL_DATA } from './call-data';
import { IsInstant } from './instant';

/** Digits, `*` and `#` with an optional leading `+`, at most 24 characters (iSales' rule for numbers it stores). */
export const CALLED_NUMBER_PATTERN = /^(?:\+[0-9*#]{1,23}|[0-9*#]{1,24})$/;
/** iSales gives remarks no length; this is the gateway's bound. */
export const MAX_REMARK = 500;

@Variants({
  discriminator: 'type',
  variants: {
    manual: { schemaName: 'CreateManualAppointmentDto', description: 'A reservation an agent calls back: no callData.', without: ['callData'] },
    automatic: {
      schemaName: 'CreateAutomaticAppointmentDto',
      description: 'A reservation iSales dials itself (5 minutes before appointedAt), optionally with callData.',
      without: [],
    },
  },
})
export class CreateAppointmentDto {
  /** `manual` (an agent calls) or `automatic` (iSales dials 5 minutes before `appointedAt`). */
  @ApiProperty({ enum: APPOINTMENT_TYPES, example: 'manual' })
  @IsIn(APPOINTMENT_TYPES, { message: `$property must be one of ${APPOINTMENT_TYPES.join(', ')}` })
  type: AppointmentType;

  @ApiProperty({ example: '66660001', pattern: CALLED_NUMBER_PATTERN.source })
  @Matches(CALLED_NUMBER_PATTERN, { message: '$property must be digits, * or # with an optional leading +, at most 24 characters' })
  calledNumber: string;

  /** The agent's business account (or agent ID) who owns the reservation. */
  @ApiProperty({ example: '116', pattern: AGENT_ACCOUNT_PATTERN.source })
  @Matches(AGENT_ACCOUNT_PATTERN, { message: '$property must be an agent account ([A-Za-z0-9_.@-], at most 64 characters)' })
  agent: string;

  /** The outbound campaign (task) ID. */
  @ApiProperty({ example: '1106025109', pattern: ISALES_ID_PATTERN.source })
  @Matches(ISALES_ID_PATTERN, { message: '$property must be a numeric iSales task ID' })
  taskId: string;

  /** When to call (ISO 8601 with a time zone). */
  @ApiProperty({ format: 'date-time', example: '2030-06-02T10:00:00Z' })
  @IsInstant()
  appointedAt: string;

  /**
   * Call-associated data for an automatic reservation (an intelligent IVR flow reads it): a JSON
   * object, or a string, at most 1024 characters once serialised. Never logged.
   */
  @ApiPropertyOptional({
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'string', maxLength: MAX_CALL_DATA },
    ],
    example: { fullName: 'Lin Zihang', riskName: 'compulsory insurance' },
  })
  @IsOptional()
  @IsCallData()
  callData?: string | Record<string, unknown>;

  @OptionalText(MAX_REMARK, 'Call back about the renewal')
  remark?: string;
}
