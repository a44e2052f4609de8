import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ApiProblems } from '../../common/swagger/api-problems.decorator';
import { ISALES } from '../../upstream/operations.catalogue';
import { Audited } from '../../common/audit/audited.decorator';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { RequireScope } from '../../edge/scopes.decorator';
import { BodyLimit } from '../../edge/route-policy';
import { BlockedNumbersService } from './blocked-numbers.service';
import { BlockedNumberPageDto } from './dto/blocked-number.dto';
import { BlockedNumberParamsDto } from './dto/blocked-number.params.dto';
import { ListBlockedNumbersQueryDto } from './dto/list-blocked-numbers.query.dto';
import { AddBlockedNumbersDto } from './dto/add-blocked-numbers.dto';
import { DeleteAllBlockedNumbersQueryDto } from './dto/delete-all-blocked-numbers.query.dto';
import { BLOCKED_NUMBER_EXAMPLES } from './blocked-number.example';

/** 20 numbers of 24 characters, each at most 6 bytes as a JSON escape, an expiry and a period: under 4 KiB. */
const ADD_BODY_LIMIT_BYTES = 4 * 1024;

@ApiTags('blocked numbers')
@RequireScope('isales:read')
@Controller('api/v1/vdns/:vdnId/blocked-numbers')
export class BlockedNumbersController {
  constructor(private readonly service: BlockedNumbersService) {}

  @Get()
  @ApiOperation({
    operationId: 'listBlockedNumbers',
    summary: 'List do-not-call numbers',
    description:
      "A page of the VDN's do-not-call list, or (with `numbers`, not with `page`/`pageSize`) those of the given numbers " +
      'that are on it, with whether each block is in force. iSales: POST blocklist/query.',
  })
  @ApiOkResponse({
    type: BlockedNumberPageDto,
    description: 'A page of blocked numbers',
    example: { items: BLOCKED_NUMBER_EXAMPLES, page: 1, pageSize: 20, total: BLOCKED_NUMBER_EXAMPLES.length },
  })
  @ApiProblems(ISALES.blocklistQuery)
  list(@Param() params: VdnParamsDto, @Query() query: ListBlockedNumbersQueryDto): Promise<BlockedNumberPageDto> {
    return this.service.list(params.vdnId, query);
  }

  @Post()
  @BodyLimit(ADD_BODY_LIMIT_BYTES)
  @RequireScope('isales:write')
  @Idempotent()
  @Audited('addBlockedNumbers')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'addBlockedNumbers',
    summary: 'Keep numbers off every campaign',
    description:
      'Up to 20 different numbers, for `validityHours` (1 to 120), until `expiresAt`, or for good. All or nothing: 409 when one ' +
      'is already blocked (0200007), 400 for a number given twice (0200018); the problem names them by position in ' +
      '`invalidParams`. iSales: POST blocklist/add.',
  })
  @ApiNoContentResponse({ description: 'Blocked' })
  @ApiProblems(ISALES.blocklistAdd, ISALES.blocklistQuery)
  async add(@Param() params: VdnParamsDto, @Query() _query: NoQueryDto, @Body() body: AddBlockedNumbersDto): Promise<void> {
    await this.service.add(params.vdnId, body);
  }

  @Delete()
  @RequireScope('isales:admin')
  @Idempotent()
  @Audited('deleteAllBlockedNumbers')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteAllBlockedNumbers',
    summary: 'Empty the do-not-call list',
    description: 'Every number of the VDN, at once. Needs `isales:admin` and `?confirm=delete-all`. iSales: DELETE blocklist.',
  })
  @ApiNoContentResponse({ description: 'The list is empty' })
  @ApiProblems(ISALES.blocklistDeleteAll)
  async removeAll(@Param() params: VdnParamsDto, @Query() _query: DeleteAllBlockedNumbersQueryDto): Promise<void> {
    await this.service.removeAll(params.vdnId);
  }

  @Delete(':number')
  @RequireScope('isales:write')
  @Idempotent()
  @Audited('deleteBlockedNumber')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteBlockedNumber',
    summary: 'Let campaigns call a number again',
    description: 'A number that is not blocked is no error (the page lists none for it). iSales: POST blocklist/delete.',
  })
  @ApiNoContentResponse({ description: 'Not blocked any more' })
  @ApiProblems(ISALES.blocklistDelete)
  async remove(@Param() params: BlockedNumberParamsDto, @Query() _query: NoQueryDto): Promise<void> {
    await this.service.remove(params.vdnId, params.number);
  }
}
