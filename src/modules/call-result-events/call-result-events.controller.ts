import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireScope } from '../../edge/scopes.decorator';
import { ValidationFailedError } from '../../common/errors/gateway-error';
import { EventStream } from '../../edge/route-policy';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { ApiProblems } from '../../common/swagger/api-problems.decorator';
import { CallResultEventsService } from './call-result-events.service';
import { CallResultEventsQueryDto, CallResultPageQueryDto, STREAM_ID_PATTERN } from './dto/call-result-events.query.dto';
import { KeptCallResultPageDto } from './dto/call-result-event.dto';

const KEPT =
  'Results are kept as iSales pushes them to the gateway\u2019s callback, once per callId, in one Redis Stream per VDN ' +
  '(key `<REDIS_KEY_PREFIX>call-results:{vdn:<vdnId>}`, default prefix `isales-gateway:`), at most CALL_RESULT_STREAM_MAXLEN ' +
  'entries and CALL_RESULT_STREAM_MAX_AGE_S seconds. Each entry has the fields `record` (the call result below, as JSON), ' +
  '`campaignId` and `callId`; a service may read the stream with its own consumer group (XREADGROUP).';

/** The callback page's example as the gateway keeps it (its spec checks that the mapping gives exactly this). */
export const RECORD_EXAMPLE = {
  callId: '0023-134864174',
  vdnId: 11,
  campaignId: '3',
  sessionId: '1202_test013',
  calledNumber: '60584',
  status: 'succeeded',
  failCode: '0',
  calledAt: '2020-08-30T20:00:00+08:00',
  receivedAt: '2020-08-30T12:00:01.250Z',
};
const PAGE_EXAMPLE = { items: [{ id: '1598788801250-0', record: RECORD_EXAMPLE }], next: '1598788801250-0' };

const EVENT_EXAMPLE = 'retry: 2000\n: open\n\nid: 1598788801250-0\nevent: call-result\n' + `data: ${JSON.stringify(RECORD_EXAMPLE)}\n\n:\n\n`;

@ApiTags('call results')
@RequireScope('isales:read')
@Controller('api/v1/vdns/:vdnId/call-results')
export class CallResultEventsController {
  constructor(private readonly service: CallResultEventsService) {}

  @Get('events')
  @EventStream()
  @ApiOperation({
    operationId: 'streamCallResults',
    summary: 'Call results as they happen (Server-Sent Events)',
    description:
      `${KEPT} This route streams them as \`text/event-stream\`: each event is \`event: call-result\`, its \`id\` the entry\u2019s ` +
      'stream id and its `data` the call result as JSON (the shape of `KeptCallResult.record`); a comment line is sent when ' +
      'nothing happened for CALL_RESULT_SSE_HEARTBEAT_S. Without `Last-Event-ID` the stream starts after the newest result kept; ' +
      'with it (EventSource sends it when it reconnects), after that id, so nothing still kept is missed. At most ' +
      'CALL_RESULT_SSE_MAX_PER_PRINCIPAL open streams per credentials (429 beyond) and CALL_RESULT_SSE_MAX per replica (503). ' +
      'The stream ends when the replica shuts down; reconnect with the last id.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The event stream',
    content: { 'text/event-stream': { schema: { type: 'string' }, example: EVENT_EXAMPLE } },
  })
  @ApiProblems(400, 401, 403, 429, 500, 503)
  async events(
    @Param() params: VdnParamsDto,
    @Query() query: CallResultEventsQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lastEventId = request.headers['last-event-id'];
    if (lastEventId !== undefined && (typeof lastEventId !== 'string' || !STREAM_ID_PATTERN.test(lastEventId))) {
      throw new ValidationFailedError([{ name: 'Last-Event-ID', reason: 'Last-Event-ID must be a stream id such as 1700000000000-0' }]);
    }
    const principal = request.auth?.principal?.id ?? 'anonymous';
    const source = await this.service.openStream(principal, params.vdnId, lastEventId ?? null, query.campaignId ?? null);
    void reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-store')
      // nginx would otherwise buffer the stream and deliver events late, in bursts.
      .header('x-accel-buffering', 'no')
      .send(source);
  }

  @Get()
  @ApiOperation({
    operationId: 'listKeptCallResults',
    summary: 'Call results kept, page by page',
    description: `${KEPT} This route pages through them oldest first: pass \`next\` as \`since\` for the next page (or to poll for new results later).`,
  })
  @ApiOkResponse({ type: KeptCallResultPageDto, description: 'A page of kept call results', example: PAGE_EXAMPLE })
  @ApiProblems(400, 401, 403, 429, 500, 503)
  async list(@Param() params: VdnParamsDto, @Query() query: CallResultPageQueryDto): Promise<KeptCallResultPageDto> {
    return this.service.page(params.vdnId, query.since ?? null, query.pageSize, query.campaignId ?? null);
  }
}
