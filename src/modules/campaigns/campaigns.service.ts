import { Injectable } from '@nestjs/common';
import { IsalesClient } from '../../upstream/isales.client';
import { IsalesCampaign } from '../../upstream/isales.types';
import { found, ListedResourceService } from '../resource-reads';
import { toCampaign, toCampaignQuery, toCampaignSummary } from './campaign.mapper';
import { CampaignDto, CampaignSummaryDto } from './dto/campaign.dto';
import { ListCampaignsQueryDto } from './dto/list-campaigns.query.dto';

@Injectable()
export class CampaignsService extends ListedResourceService<ListCampaignsQueryDto, IsalesCampaign, CampaignSummaryDto> {
  constructor(private readonly isales: IsalesClient) {
    super({ fetch: (vdnId, query) => isales.listCampaigns(vdnId, toCampaignQuery(query)), map: toCampaignSummary });
  }

  async get(vdnId: number, campaignId: number): Promise<CampaignDto> {
    return toCampaign(found(await this.isales.getCampaign(vdnId, campaignId), 'campaign', campaignId, vdnId));
  }

  pause(vdnId: number, campaignId: number): Promise<void> {
    return this.isales.pauseCampaign(vdnId, campaignId);
  }

  resume(vdnId: number, campaignId: number): Promise<void> {
    return this.isales.resumeCampaign(vdnId, campaignId);
  }
}
