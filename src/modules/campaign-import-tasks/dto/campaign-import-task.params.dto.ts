import { Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { VdnParamsDto } from '../../../common/dto/vdn.params.dto';

/** Campaign ids are ints in every example; the upload page types them String (docs/isales/call-results-choices.md §4). */
export const CAMPAIGN_ID_PATTERN = /^[0-9]{1,32}$/;

export class CampaignImportTasksParamsDto extends VdnParamsDto {
  /**
   * The outbound campaign's ID.
   * @example "3"
   */
  @ApiProperty({ pattern: CAMPAIGN_ID_PATTERN.source })
  @Matches(CAMPAIGN_ID_PATTERN, { message: '$property must be a campaign ID (1 to 32 digits)' })
  campaignId: string;
}
