import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ApiProblems } from '../../common/swagger/api-problems.decorator';
import { ISALES } from '../../upstream/operations.catalogue';
import { Audited } from '../../common/audit/audited.decorator';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { FileServersService } from './file-servers.service';
import { FileServerDto, FileServerPageDto } from './dto/file-server.dto';
import { FileServerParamsDto } from './dto/file-server.params.dto';
import { ListFileServersQueryDto } from './dto/list-file-servers.query.dto';
import { CreateFileServerDto } from './dto/create-file-server.dto';
import { UpdateFileServerDto } from './dto/update-file-server.dto';
import { FILE_SERVER_EXAMPLE, FILE_SERVER_EXAMPLES } from './file-server.example';
import { RequireScope } from '../../edge/scopes.decorator';
import { BodyLimit } from '../../edge/route-policy';

/**
 * What a file server's write can take: host and path (255 characters each), username (30) and password (80), each character
 * at most 6 bytes as a JSON escape, plus the port and the names: under 4 KiB. 8 KiB leaves room; more is a 413, unread.
 */
const FILE_SERVER_BODY_LIMIT_BYTES = 8 * 1024;

const LOCATION = { Location: { description: 'The new server\u2019s URL', schema: { type: 'string' } } };

@ApiTags('file servers')
@RequireScope('isales:read')
@Controller('api/v1/vdns/:vdnId/file-servers')
export class FileServersController {
  constructor(private readonly service: FileServersService) {}

  @Get()
  @ApiOperation({
    operationId: 'listFileServers',
    summary: 'List file (SFTP) servers',
    description: "A page of the VDN's SFTP servers, optionally only those with the given IDs. No password ever appears. iSales: POST file/queryServer.",
  })
  @ApiOkResponse({
    type: FileServerPageDto,
    description: 'A page of file servers',
    example: { items: FILE_SERVER_EXAMPLES, page: 1, pageSize: 20, total: FILE_SERVER_EXAMPLES.length },
  })
  @ApiProblems(ISALES.queryServer)
  list(@Param() params: VdnParamsDto, @Query() query: ListFileServersQueryDto): Promise<FileServerPageDto> {
    return this.service.list(params.vdnId, query);
  }

  @Get(':serverId')
  @ApiOperation({
    operationId: 'getFileServer',
    summary: 'One file (SFTP) server',
    description: 'The server with this ID, or 404. iSales: POST file/queryServer with serverIds.',
  })
  @ApiOkResponse({ type: FileServerDto, description: 'The file server', example: FILE_SERVER_EXAMPLE })
  @ApiProblems(ISALES.queryServer, 404)
  get(@Param() params: FileServerParamsDto, @Query() _query: NoQueryDto): Promise<FileServerDto> {
    return this.service.get(params.vdnId, params.serverId);
  }

  @Post()
  @BodyLimit(FILE_SERVER_BODY_LIMIT_BYTES)
  @RequireScope('isales:write')
  @Idempotent()
  @Audited('createFileServer')
  @ApiOperation({
    operationId: 'createFileServer',
    summary: 'Register an SFTP file server',
    description: 'iSales: POST file/addServer. The server information must be unique in the VDN. The password is never returned.',
  })
  @ApiCreatedResponse({ type: FileServerDto, description: 'The server as registered (never its password)', headers: LOCATION, example: FILE_SERVER_EXAMPLE })
  @ApiProblems(ISALES.addServer)
  async create(
    @Param() params: VdnParamsDto,
    @Query() _query: NoQueryDto,
    @Body() body: CreateFileServerDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FileServerDto> {
    const server = await this.service.create(params.vdnId, body);
    reply.header('location', `/api/v1/vdns/${params.vdnId}/file-servers/${server.id}`);
    return server;
  }

  @Put(':serverId')
  @BodyLimit(FILE_SERVER_BODY_LIMIT_BYTES)
  @RequireScope('isales:write')
  @Audited('replaceFileServer')
  @ApiOperation({
    operationId: 'replaceFileServer',
    summary: 'Replace a file server\u2019s settings',
    description:
      'iSales: POST file/queryServer (the current server), then file/{serverId}/updateServer. Every field but the password ' +
      'is required; the password is required when host changes (a 400 before anything is updated).',
  })
  @ApiOkResponse({ type: FileServerDto, description: 'The server as now configured (never its password)', example: FILE_SERVER_EXAMPLE })
  @ApiProblems(ISALES.queryServer, ISALES.updateServer, 404)
  replace(@Param() params: FileServerParamsDto, @Query() _query: NoQueryDto, @Body() body: UpdateFileServerDto): Promise<FileServerDto> {
    return this.service.replace(params.vdnId, params.serverId, body);
  }

  @Delete(':serverId')
  @RequireScope('isales:write')
  @Audited('deleteFileServer')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteFileServer',
    summary: 'Delete a file server',
    description: 'iSales: POST file/{serverId}/deleteServer (0200006 there means no such server: 404).',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(ISALES.deleteServer)
  async remove(@Param() params: FileServerParamsDto, @Query() _query: NoQueryDto): Promise<void> {
    await this.service.remove(params.vdnId, params.serverId);
  }
}
