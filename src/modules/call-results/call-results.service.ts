import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../config/configuration';
import { TenantTimeZones, timeZoneOf } from '../../config/isales-time-zones.config';
import { IsalesClient } from '../../upstream/isales.client';
import { found } from '../resource-reads';
import { toCallResult } from './call-result.mapper';
import { CallResultDto } from './dto/call-result.dto';

@Injectable()
export class CallResultsService {
  private readonly zones: TenantTimeZones;

  constructor(
    private readonly isales: IsalesClient,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.zones = config.isales.timeZones;
  }

  async get(vdnId: number, callId: string): Promise<CallResultDto> {
    const record = found(await this.isales.getCallResult(vdnId, callId), 'call result', callId, vdnId);
    return toCallResult(record, timeZoneOf(this.zones, vdnId));
  }
}
