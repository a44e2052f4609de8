import { IsOptional, Matches } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ISALES_ID_PATTERN, MAX_IDS } from '../../../upstream/id-list';
import { PageQueryDto } from '../../../upstream/page.query.dto';
import { AgentList } from './agent-list';
import { IsInstant, IsNotAfter } from './instant';
import { PHONE_NUMBER_MESSAGE, PHONE_NUMBER_PATTERN } from './phone-number';

export class ListAppointmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, description: 'Outbound campaign (task) ID, numeric', example: '1106025109' })
  @IsOptional()
  @Matches(ISALES_ID_PATTERN, { message: '$property must be a numeric iSales task ID' })
  taskId?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'Called number: digits, * and # with an optional leading +, at most 32 characters',
    example: '66660001',
  })
  @IsOptional()
  @Matches(PHONE_NUMBER_PATTERN, { message: PHONE_NUMBER_MESSAGE })
  calledNumber?: string;

  @ApiPropertyOptional({
    type: String,
    description: `Comma-separated agent business accounts or agent IDs (at most ${MAX_IDS}); only their reservations are returned`,
    example: '116,117',
  })
  @IsOptional()
  @AgentList()
  agents?: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Reservations appointed at or after this instant (ISO 8601 with a time zone); must not be after `to`',
    example: '2025-05-15T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  @IsNotAfter('to')
  from?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Reservations appointed at or before this instant (ISO 8601 with a time zone)',
    example: '2025-05-16T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  to?: string;
}
