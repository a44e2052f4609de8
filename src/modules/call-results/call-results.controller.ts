import { Get, Param, Query } from '@nestjs/common';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ISALES } from '../../upstream/operations.catalogue';
import { Read, ResourceController } from '../resource-routes';
import { CallResultsService } from './call-results.service';
import { CallResultDto } from './dto/call-result.dto';
import { CallResultParamsDto } from './dto/call-result.params.dto';
import { CALL_RESULT_EXAMPLE } from './call-result.example';

@ResourceController('call results', 'api/v1/vdns/:vdnId/call-results')
export class CallResultsController {
  constructor(private readonly service: CallResultsService) {}

  @Get(':callId')
  @Read({
    operationId: 'getCallResult',
    summary: 'How one outbound call ended',
    description:
      'The result of the call with this ID, or 404. Times are ISO 8601 with the tenant\u2019s UTC offset (ISALES_TIME_ZONE, ISALES_TIME_ZONES). ' +
      'iSales: GET callresultdetail/{callId}.',
    ok: { type: CallResultDto, description: 'The call result', example: CALL_RESULT_EXAMPLE },
    problems: [ISALES.callResultDetail, 404],
  })
  get(@Param() params: CallResultParamsDto, @Query() _query: NoQueryDto): Promise<CallResultDto> {
    return this.service.get(params.vdnId, params.callId);
  }
}
