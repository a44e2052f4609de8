import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { AtLeastOneOf } from '../../../common/dto/at-least-one';
import { AGENT_ACCOUNT_PATTERN } from './agent-list';
import { MAX_REMARK } from './create-appointment.dto';
import { IsInstant } from './instant';

/** What appoint/update can change; at least one. Only manual reservations can be modified (iSales' rule). */
@AtLeastOneOf(['agent', 'appointedAt', 'remark'])
export class UpdateAppointmentDto {
  @ApiPropertyOptional({ example: '117', pattern: AGENT_ACCOUNT_PATTERN.source })
  @IsOptional()
  @Matches(AGENT_ACCOUNT_PATTERN, { message: '$property must be an agent account ([A-Za-z0-9_.@-], at most 64 characters)' })
  agent?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2030-06-02T11:00:00Z' })
  @IsOptional()
  @IsInstant()
  appointedAt?: string;

  @ApiPropertyOptional({ maxLength: MAX_REMARK, example: 'Moved at the customer\u2019s request' })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @MaxLength(MAX_REMARK, { message: `$property must be at most ${MAX_REMARK} characters` })
  remark?: string;
}
