import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../common/errors/gateway-error';
import { IsalesClient } from '../../upstream/isales.client';
import { restPage } from '../resource-reads';
import { toCampaign, toCampaignQuery, toCampaignSummary } from './campaign.mapper';
import { CampaignDto, CampaignPageDto } from './dto/campaign.dto';
import { ListCampaignsQueryDto } from './dto/list-campaigns.query.dto';

@Injectable()
export class CampaignsService {
  constructor(private readonly isales: IsalesClient) {}

  async list(vdnId: number, query: ListCampaignsQueryDto): Promise<CampaignPageDto> {
    const page = await this.isales.listCampaigns(vdnId, toCampaignQuery(query));
    return restPage(page, toCampaignSummary, query);
  }

  async get(vdnId: number, campaignId: number): Promise<CampaignDto> {
    const campaign = await this.isales.getCampaign(vdnId, campaignId);
    if (!campaign) throw new ResourceNotFoundError(`No campaign ${campaignId} in VDN ${vdnId}`);
    return toCampaign(campaign);
  }

  pause(vdnId: number, campaignId: number): Promise<void> {
    return this.isales.pauseCampaign(vdnId, campaignId);
  }

  resume(vdnId: number, campaignId: number): Promise<void> {
    return this.isales.resumeCampaign(vdnId, campaignId);
  }
}
