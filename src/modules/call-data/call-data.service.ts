import { Injectable } from '@nestjs/common';
import { IsalesClient } from '../../upstream/isales.client';
import { toIsalesBusinessResultWriteBack } from './business-result-write-back.mapper';
import { BusinessResultWriteBackDto } from './dto/business-result-write-back.dto';

@Injectable()
export class CallDataService {
  constructor(private readonly isales: IsalesClient) {}

  writeBusinessResult(vdnId: number, dataId: number, result: BusinessResultWriteBackDto): Promise<void> {
    return this.isales.writeBusinessResult(vdnId, dataId, toIsalesBusinessResultWriteBack(result));
  }
}
