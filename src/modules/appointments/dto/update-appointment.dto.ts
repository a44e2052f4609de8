import { IsOptional } from 'class-validator';
import { OptionalMatching, OptionalText } from '../../../common/dto/optional-string';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { AtLeastOneOf } from '../../../common/dto/at-least-one';
import { AGENT_ACCOUNT_PATTERN } from './agent-list';
import { MAX_REMARK } from './create-appointment.dto';
import { IsInstant } from './instant';

/** What appoint/update can change; at least one. Only manual reservations can be modified (iSales' rule). */
@AtLeastOneOf(['agent', 'appointedAt', 'remark'])
export class UpdateAppointmentDto {
  @OptionalMatching(AGENT_ACCOUNT_PATTERN, '$property must be an agent account ([A-Za-z0-9_.@-], at most 64 characters)', '117')
  agent?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2030-06-02T11:00:00Z' })
  @IsOptional()
  @IsInstant()
  appointedAt?: string;

  @OptionalText(MAX_REMARK, 'Moved at the customer\u2019s request')
  remark?: string;
}
