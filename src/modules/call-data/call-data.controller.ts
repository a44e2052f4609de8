import { Body, HttpCode, Param, Put, Query } from '@nestjs/common';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ISALES } from '../../upstream/operations.catalogue';
import { ResourceController, Write } from '../resource-routes';
import { CallDataService } from './call-data.service';
import { CallDataParamsDto } from './dto/call-data.params.dto';
import { BusinessResultWriteBackDto } from './dto/business-result-write-back.dto';

/** Two codes of 50, a description of 500 characters (each at most 6 bytes as a JSON escape) and a work number: under 4 KiB. */
const WRITE_BACK_BODY_LIMIT_BYTES = 8 * 1024;

@ResourceController('call data', 'api/v1/vdns/:vdnId/call-data', 'isales:write')
export class CallDataController {
  constructor(private readonly service: CallDataService) {}

  @Put(':dataId/business-result')
  @HttpCode(204)
  @Write({
    bodyLimitBytes: WRITE_BACK_BODY_LIMIT_BYTES,
    idempotent: true,
    operationId: 'writeCallDataBusinessResult',
    summary: 'Write back the business result of a call\u2019s data',
    description:
      'iSales: POST callBusiResult/{dataId}. 404 when the data does not exist (0200033); 400 naming subStatus when it is not a sub-status of ' +
      'businessResult (0200034); 502 when iSales fails to write (0200999).',
    noContent: 'Written',
    problems: [ISALES.callBusiResult],
  })
  async writeBusinessResult(@Param() params: CallDataParamsDto, @Query() _query: NoQueryDto, @Body() body: BusinessResultWriteBackDto): Promise<void> {
    await this.service.writeBusinessResult(params.vdnId, params.dataId, body);
  }
}
