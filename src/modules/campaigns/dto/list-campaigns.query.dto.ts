import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '../../../upstream/page.query.dto';
import { IsInstant, IsNotAfter } from '../../appointments/dto/instant';
import { CAMPAIGN_STATUS_FILTERS, CampaignStatusFilter, DEVICE_TYPES, DeviceType } from './campaign.dto';

/** The list page's rule for `name`: 0 to 30 characters. */
export const MAX_CAMPAIGN_NAME_FILTER = 30;

export class ListCampaignsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Campaigns whose name matches (iSales decides how), at most 30 characters', example: 'Preempted' })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @MaxLength(MAX_CAMPAIGN_NAME_FILTER, { message: `$property must be at most ${MAX_CAMPAIGN_NAME_FILTER} characters` })
  name?: string;

  @ApiPropertyOptional({ enum: CAMPAIGN_STATUS_FILTERS, description: 'Only campaigns in this state', example: 'started' })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUS_FILTERS, { message: `$property must be one of ${CAMPAIGN_STATUS_FILTERS.join(', ')}` })
  status?: CampaignStatusFilter;

  @ApiPropertyOptional({ enum: DEVICE_TYPES, description: 'Only campaigns of this device type', example: 'preemptive' })
  @IsOptional()
  @IsIn(DEVICE_TYPES, { message: `$property must be one of ${DEVICE_TYPES.join(', ')}` })
  deviceType?: DeviceType;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Campaigns that begin at or after this instant (ISO 8601 with a time zone; iSales\u2019 beginTime, sent in UTC); must not be after `endsBy`',
    example: '2025-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  @IsNotAfter('endsBy')
  beginsFrom?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Campaigns that end at or before this instant (ISO 8601 with a time zone; iSales\u2019 endTime, sent in UTC)',
    example: '2031-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  endsBy?: string;
}
