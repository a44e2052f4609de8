import { Body, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ISALES } from '../../upstream/operations.catalogue';
import { pageExample, Read, ResourceController, Write } from '../resource-routes';
import { BlockedNumbersService } from './blocked-numbers.service';
import { BlockedNumberPageDto } from './dto/blocked-number.dto';
import { BlockedNumberParamsDto } from './dto/blocked-number.params.dto';
import { ListBlockedNumbersQueryDto } from './dto/list-blocked-numbers.query.dto';
import { AddBlockedNumbersDto } from './dto/add-blocked-numbers.dto';
import { DeleteAllBlockedNumbersQueryDto } from './dto/delete-all-blocked-numbers.query.dto';
import { BLOCKED_NUMBER_EXAMPLES } from './blocked-number.example';

/** 20 numbers of 24 characters, each at most 6 bytes as a JSON escape, an expiry and a period: under 4 KiB. */
const ADD_BODY_LIMIT_BYTES = 4 * 1024;

@ResourceController('blocked numbers', 'api/v1/vdns/:vdnId/blocked-numbers')
export class BlockedNumbersController {
  constructor(private readonly service: BlockedNumbersService) {}

  @Get()
  @Read({
    operationId: 'listBlockedNumbers',
    summary: 'List do-not-call numbers',
    description:
      "A page of the VDN's do-not-call list, or (with `numbers`, not with `page`/`pageSize`) those of the given numbers " +
      'that are on it, with whether each block is in force. iSales: POST blocklist/query.',
    ok: { type: BlockedNumberPageDto, description: 'A page of blocked numbers', example: pageExample(BLOCKED_NUMBER_EXAMPLES) },
    problems: [ISALES.blocklistQuery],
  })
  list(@Param() params: VdnParamsDto, @Query() query: ListBlockedNumbersQueryDto): Promise<BlockedNumberPageDto> {
    return this.service.list(params.vdnId, query);
  }

  @Post()
  @HttpCode(204)
  @Write({
    bodyLimitBytes: ADD_BODY_LIMIT_BYTES,
    idempotent: true,
    operationId: 'addBlockedNumbers',
    summary: 'Keep numbers off every campaign',
    description:
      'Up to 20 different numbers, for `validityHours` (1 to 120), until `expiresAt`, or for good. All or nothing: 409 when one ' +
      'is already blocked (0200007), 400 for a number given twice (0200018); the problem names them by position in ' +
      '`invalidParams`. iSales: POST blocklist/add.',
    noContent: 'Blocked',
    problems: [ISALES.blocklistAdd, ISALES.blocklistQuery],
  })
  async add(@Param() params: VdnParamsDto, @Query() _query: NoQueryDto, @Body() body: AddBlockedNumbersDto): Promise<void> {
    await this.service.add(params.vdnId, body);
  }

  @Delete()
  @HttpCode(204)
  @Write({
    scope: 'isales:admin',
    idempotent: true,
    operationId: 'deleteAllBlockedNumbers',
    summary: 'Empty the do-not-call list',
    description: 'Every number of the VDN, at once. Needs `isales:admin` and `?confirm=delete-all`. iSales: DELETE blocklist.',
    noContent: 'The list is empty',
    problems: [ISALES.blocklistDeleteAll],
  })
  async removeAll(@Param() params: VdnParamsDto, @Query() _query: DeleteAllBlockedNumbersQueryDto): Promise<void> {
    await this.service.removeAll(params.vdnId);
  }

  @Delete(':number')
  @HttpCode(204)
  @Write({
    idempotent: true,
    operationId: 'deleteBlockedNumber',
    summary: 'Let campaigns call a number again',
    description: 'A number that is not blocked is no error (the page lists none for it). iSales: POST blocklist/delete.',
    noContent: 'Not blocked any more',
    problems: [ISALES.blocklistDelete],
  })
  async remove(@Param() params: BlockedNumberParamsDto, @Query() _query: NoQueryDto): Promise<void> {
    await this.service.remove(params.vdnId, params.number);
  }
}
