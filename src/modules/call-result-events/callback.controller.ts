import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BodyLimit, CallbackToken } from '../../edge/route-policy';
import { CALLBACK_BODY_LIMIT_BYTES } from './call-result-event';
import { CallResultEventsService } from './call-result-events.service';

/** The only answer iSales takes as success (anything else, and it pushes the records again). */
export const ISALES_CALLBACK_SUCCESS = { retCode: '0', retMsg: 'success' } as const;

/**
 * iSales' result callback (docs/design.md section 18): the campaign's callBackUrl is
 * `https://<gateway>/callbacks/isales/call-results/<token>`. iSales sends no header to
 * authenticate with, so the path token is the credential, checked by the edge before the body is
 * read (a wrong one is a 404). Outside /api/v1 and the API document: iSales is its only caller.
 */
@ApiExcludeController()
@Controller('callbacks/isales/call-results')
export class CallbackController {
  constructor(private readonly service: CallResultEventsService) {}

  @Post(':token')
  @CallbackToken()
  @BodyLimit(CALLBACK_BODY_LIMIT_BYTES)
  @HttpCode(200)
  async receive(@Req() request: FastifyRequest): Promise<typeof ISALES_CALLBACK_SUCCESS> {
    await this.service.receive(request.callbackGrant!, request.body);
    return ISALES_CALLBACK_SUCCESS;
  }
}
