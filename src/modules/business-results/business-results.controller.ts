import { applyDecorators, Body, Delete, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CacheRead } from '../../cache/document-cache';
import { ResourceNotFoundError } from '../../common/errors/gateway-error';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ApiNotModified } from '../../common/swagger/api-problems.decorator';
import { MemoryAnswer, sendMemoryAnswer } from '../../edge/direct-routes';
import { locationHeader, pageExample, Read, ResourceController, Write } from '../resource-routes';
import { ISALES } from '../../upstream/operations.catalogue';
import { BUSINESS_RESULT_EXAMPLES } from './business-result.example';
import { BusinessResultsTooLargeError } from './business-results.errors';
import { BusinessResultsService } from './business-results.service';
import { BusinessResultLookupDto, BusinessResultPageDto } from './dto/business-result.dto';
import { BusinessResultParamsDto } from './dto/business-result.params.dto';
import { ListBusinessResultsQueryDto } from './dto/list-business-results.query.dto';
import { BusinessResultDto } from './dto/business-result.dto';
import { CreateBusinessResultDto } from './dto/create-business-result.dto';

const CACHE_HEADERS = {
  ETag: { description: 'Validator of the VDN\u2019s whole tree; send it back in If-None-Match', schema: { type: 'string' } },
  'Cache-Control': { description: 'private, max-age = seconds the tree stays fresh', schema: { type: 'string' } },
  'X-Cache': { description: 'hit | miss | stale (stale: iSales failed and an older tree is served)', schema: { type: 'string' } },
};

/** A conditional GET: If-None-Match documented, and its 304. */
const Conditional = () =>
  applyDecorators(
    ApiNotModified(),
    ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag from an earlier answer: 304 when the tree is unchanged' }),
  );

/** An answer's validator and freshness: a cached tree's, or (a tree too large to cache) a page's own. */
type Validated = Pick<CacheRead<unknown>, 'etag' | 'state' | 'freshForS'>;

/** The answer: pre-rendered JSON with the cache headers, or 304 when the caller already has this tree. */
function answerOf(read: Validated, ifNoneMatch: string | undefined, body: () => Buffer | string): MemoryAnswer {
  const headers = ['etag', read.etag, 'cache-control', `private, max-age=${read.freshForS}`, 'x-cache', read.state];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === read.etag || tag.trim() === '*')) {
    return { status: 304, headers };
  }
  headers.push('content-type', 'application/json; charset=utf-8');
  return { status: 200, headers, body: body() };
}

/** Sends the answer through Fastify's reply. */
function send(reply: FastifyReply, read: Validated, ifNoneMatch: string | undefined, body: () => Buffer | string): void {
  sendMemoryAnswer(reply, answerOf(read, ifNoneMatch, body));
}

@ResourceController('business results', 'api/v1/vdns/:vdnId/business-results')
export class BusinessResultsController {
  constructor(private readonly service: BusinessResultsService) {}

  @Get()
  @Conditional()
  @Read({
    operationId: 'listBusinessResults',
    summary: 'List business-result definitions (parents with their children)',
    description:
      'Served from the cached tree of the VDN (iSales: GET queryBusinessResults, paged at its maximum of 50 when the cache is cold). ' +
      'Any pageSize up to 100 works although iSales allows 50.',
    ok: {
      type: BusinessResultPageDto,
      description: 'A page of parent definitions, each with its children',
      headers: CACHE_HEADERS,
      example: pageExample(BUSINESS_RESULT_EXAMPLES, 3),
    },
    problems: [ISALES.queryBusinessResults],
  })
  list(
    @Param() params: VdnParamsDto,
    @Query() query: ListBusinessResultsQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> | undefined {
    const answer = this.listFromMemory(params, query, ifNoneMatch);
    if (!answer) return this.listFromStore(params, query, ifNoneMatch, reply);
    sendMemoryAnswer(reply, answer);
    return undefined;
  }

  /**
   * A hit from memory, at once (no promise, nothing to wait for); undefined when memory has no tree.
   * The direct route and the memory lane try it before anything else (business-results.direct.ts).
   */
  listFromMemory(params: VdnParamsDto, query: ListBusinessResultsQueryDto, ifNoneMatch: string | undefined): MemoryAnswer | undefined {
    const now = this.service.readFromMemory(params.vdnId);
    return now && answerOf(now, ifNoneMatch, () => now.value.page(query.page, query.pageSize));
  }

  /** What memory did not answer: the shared cache or iSales (a tree too large to cache, page by page). */
  listFromStore(params: VdnParamsDto, query: ListBusinessResultsQueryDto, ifNoneMatch: string | undefined, reply: FastifyReply): Promise<void> {
    if (this.service.isOversize(params.vdnId)) {
      return this.service
        .readWindow(params.vdnId, query.page, query.pageSize)
        .then((window) => send(reply, { etag: window.etag, state: 'miss', freshForS: 0 }, ifNoneMatch, () => window.body));
    }
    return this.service.read(params.vdnId).then((read) => send(reply, read, ifNoneMatch, () => read.value.page(query.page, query.pageSize)));
  }

  @Get(':code')
  @Conditional()
  @Read({
    operationId: 'getBusinessResult',
    summary: 'One business-result definition by code, a parent or a child',
    description: 'Served from the cached tree; `level` and `parentCode` say where the code sits in it.',
    ok: {
      type: BusinessResultLookupDto,
      description: 'The definition, with its place in the tree',
      headers: CACHE_HEADERS,
      example: { ...BUSINESS_RESULT_EXAMPLES[0], level: 'parent', parentCode: null },
    },
    problems: [ISALES.queryBusinessResults, 404],
  })
  async get(
    @Param() params: BusinessResultParamsDto,
    @Query() _query: NoQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (this.service.isOversize(params.vdnId)) throw new BusinessResultsTooLargeError(params.vdnId);
    const read = await this.service.read(params.vdnId);
    const found = read.value.lookup(params.code);
    if (found === undefined) throw new ResourceNotFoundError(`No business result ${params.code} in VDN ${params.vdnId}`);
    send(reply, read, ifNoneMatch, () => found);
  }

  @Post()
  @Write({
    idempotent: true,
    audit: 'addBusinessResult',
    operationId: 'createBusinessResult',
    summary: 'Add a business-result definition',
    description:
      'iSales: POST addBusinessResult, then at most two GET queryBusinessResults of one definition each. Definitions cannot be changed or deleted afterwards. ' +
      'The VDN’s cached tree is dropped on every replica (and fetched again in the background), and the answer is the definition as iSales now lists it ' +
      '(with the codes iSales made up for those sent without one).',
    created: {
      type: BusinessResultDto,
      description: 'The definition as iSales now lists it',
      headers: locationHeader('The definition’s URL (when its code is known)'),
      example: BUSINESS_RESULT_EXAMPLES[0],
    },
    problems: [ISALES.addBusinessResult, ISALES.queryBusinessResults],
  })
  async create(
    @Param() params: VdnParamsDto,
    @Query() _query: NoQueryDto,
    @Body() body: CreateBusinessResultDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BusinessResultDto> {
    const definition = await this.service.create(params.vdnId, body);
    if (definition.code !== null) reply.header('location', `/api/v1/vdns/${params.vdnId}/business-results/${encodeURIComponent(definition.code)}`);
    return definition;
  }

  @Delete('cache')
  @HttpCode(204)
  @Write({
    scope: 'isales:admin',
    audit: false,
    operationId: 'dropBusinessResultsCache',
    summary: 'Drop the cached tree of the VDN',
    description: 'The next read fetches the tree from iSales afresh (on every replica: the cache is shared).',
    noContent: 'Dropped',
    problems: [400, 500, 503],
  })
  async dropCache(@Param() params: VdnParamsDto, @Query() _query: NoQueryDto): Promise<void> {
    await this.service.drop(params.vdnId);
  }
}
