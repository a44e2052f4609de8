import { IsIntegerIn } from '../../../common/dto/integer';
import { ApiProperty } from '@nestjs/swagger';
import { VdnParamsDto } from '../../../common/dto/vdn.params.dto';

/** The pause page types campaignId as an int (docs/isales/next-api-notes.md section 3). */
export const MAX_CAMPAIGN_ID = 2_147_483_647;

export class CampaignParamsDto extends VdnParamsDto {
  /**
   * Campaign ID.
   * @example 1106025109
   */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_CAMPAIGN_ID })
  @IsIntegerIn(1, MAX_CAMPAIGN_ID)
  campaignId: number;
}
