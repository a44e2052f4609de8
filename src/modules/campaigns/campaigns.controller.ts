import { Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ISALES } from '../../upstream/operations.catalogue';
import { pageExample, Read, ResourceController, Write } from '../resource-routes';
import { CampaignsService } from './campaigns.service';
import { CampaignDto, CampaignPageDto } from './dto/campaign.dto';
import { CampaignParamsDto } from './dto/campaign.params.dto';
import { ListCampaignsQueryDto } from './dto/list-campaigns.query.dto';
import { CAMPAIGN_EXAMPLE, CAMPAIGN_SUMMARY_EXAMPLES } from './campaign.example';

@ResourceController('campaigns', 'api/v1/vdns/:vdnId/campaigns')
export class CampaignsController {
  constructor(private readonly service: CampaignsService) {}

  @Get()
  @Read({
    operationId: 'listCampaigns',
    summary: 'List outbound campaigns',
    description:
      "A page of the VDN's outbound campaigns, filtered by name, state, device type and period. An undocumented iSales " +
      'status (the page\u2019s own example has one) is passed as its raw value. iSales: GET campaigns/{vdnId}.',
    ok: { type: CampaignPageDto, description: 'A page of campaigns', example: pageExample(CAMPAIGN_SUMMARY_EXAMPLES, 5) },
    problems: [ISALES.campaignList],
  })
  list(@Param() params: VdnParamsDto, @Query() query: ListCampaignsQueryDto): Promise<CampaignPageDto> {
    return this.service.list(params.vdnId, query);
  }

  @Get(':campaignId')
  @Read({
    operationId: 'getCampaign',
    summary: 'One outbound campaign',
    description:
      'The campaign with this ID, or 404. The settings objects the page does not describe (schedule, ivr, skill) are ' +
      'passed through as iSales sends them. iSales: GET campaigns/{vdnId}/{campaignId}.',
    ok: { type: CampaignDto, description: 'The campaign', example: CAMPAIGN_EXAMPLE },
    problems: [ISALES.campaignDetail, 404],
  })
  get(@Param() params: CampaignParamsDto, @Query() _query: NoQueryDto): Promise<CampaignDto> {
    return this.service.get(params.vdnId, params.campaignId);
  }

  @Post(':campaignId/pause')
  @HttpCode(204)
  @Write({
    idempotent: true,
    operationId: 'pauseCampaign',
    summary: 'Pause a running campaign',
    description: 'No body. 404 when the campaign does not exist (0200007), 409 when it is not running (0200011). iSales: PUT {campaignId}/pause.',
    noContent: 'Paused',
    problems: [ISALES.campaignPause],
  })
  async pause(@Param() params: CampaignParamsDto, @Query() _query: NoQueryDto): Promise<void> {
    await this.service.pause(params.vdnId, params.campaignId);
  }

  @Post(':campaignId/resume')
  @HttpCode(204)
  @Write({
    idempotent: true,
    operationId: 'resumeCampaign',
    summary: 'Resume a paused campaign',
    description: 'No body. 404 when the campaign does not exist (0200007), 409 when it is not paused (0200011). iSales: PUT {campaignId}/resume.',
    noContent: 'Resumed',
    problems: [ISALES.campaignResume],
  })
  async resume(@Param() params: CampaignParamsDto, @Query() _query: NoQueryDto): Promise<void> {
    await this.service.resume(params.vdnId, params.campaignId);
  }
}
