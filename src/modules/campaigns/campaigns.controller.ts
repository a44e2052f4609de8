import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ApiProblems } from '../../common/swagger/api-problems.decorator';
import { ISALES } from '../../upstream/operations.catalogue';
import { Audited } from '../../common/audit/audited.decorator';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { RequireScope } from '../../edge/scopes.decorator';
import { CampaignsService } from './campaigns.service';
import { CampaignDto, CampaignPageDto } from './dto/campaign.dto';
import { CampaignParamsDto } from './dto/campaign.params.dto';
import { ListCampaignsQueryDto } from './dto/list-campaigns.query.dto';
import { CAMPAIGN_EXAMPLE, CAMPAIGN_SUMMARY_EXAMPLES } from './campaign.example';

@ApiTags('campaigns')
@RequireScope('isales:read')
@Controller('api/v1/vdns/:vdnId/campaigns')
export class CampaignsController {
  constructor(private readonly service: CampaignsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listCampaigns',
    summary: 'List outbound campaigns',
    description:
      "A page of the VDN's outbound campaigns, filtered by name, state, device type and period. An undocumented iSales " +
      'status (the page\u2019s own example has one) is passed as its raw value. iSales: GET campaigns/{vdnId}.',
  })
  @ApiOkResponse({
    type: CampaignPageDto,
    description: 'A page of campaigns',
    example: { items: CAMPAIGN_SUMMARY_EXAMPLES, page: 1, pageSize: 20, total: 5 },
  })
  @ApiProblems(ISALES.campaignList)
  list(@Param() params: VdnParamsDto, @Query() query: ListCampaignsQueryDto): Promise<CampaignPageDto> {
    return this.service.list(params.vdnId, query);
  }

  @Get(':campaignId')
  @ApiOperation({
    operationId: 'getCampaign',
    summary: 'One outbound campaign',
    description:
      'The campaign with this ID, or 404. The settings objects the page does not describe (schedule, ivr, skill) are ' +
      'passed through as iSales sends them. iSales: GET campaigns/{vdnId}/{campaignId}.',
  })
  @ApiOkResponse({ type: CampaignDto, description: 'The campaign', example: CAMPAIGN_EXAMPLE })
  @ApiProblems(ISALES.campaignDetail, 404)
  get(@Param() params: CampaignParamsDto, @Query() _query: NoQueryDto): Promise<CampaignDto> {
    return this.service.get(params.vdnId, params.campaignId);
  }

  @Post(':campaignId/pause')
  @RequireScope('isales:write')
  @Idempotent()
  @Audited('pauseCampaign')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'pauseCampaign',
    summary: 'Pause a running campaign',
    description: 'No body. 404 when the campaign does not exist (0200007), 409 when it is not running (0200011). iSales: PUT {campaignId}/pause.',
  })
  @ApiNoContentResponse({ description: 'Paused' })
  @ApiProblems(ISALES.campaignPause)
  async pause(@Param() params: CampaignParamsDto, @Query() _query: NoQueryDto): Promise<void> {
    await this.service.pause(params.vdnId, params.campaignId);
  }

  @Post(':campaignId/resume')
  @RequireScope('isales:write')
  @Idempotent()
  @Audited('resumeCampaign')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'resumeCampaign',
    summary: 'Resume a paused campaign',
    description: 'No body. 404 when the campaign does not exist (0200007), 409 when it is not paused (0200011). iSales: PUT {campaignId}/resume.',
  })
  @ApiNoContentResponse({ description: 'Resumed' })
  @ApiProblems(ISALES.campaignResume)
  async resume(@Param() params: CampaignParamsDto, @Query() _query: NoQueryDto): Promise<void> {
    await this.service.resume(params.vdnId, params.campaignId);
  }
}
