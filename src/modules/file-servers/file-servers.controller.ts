import { Body, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ISALES } from '../../upstream/operations.catalogue';
import { locationHeader, pageExample, Read, ResourceController, Write } from '../resource-routes';
import { FileServersService } from './file-servers.service';
import { FileServerDto, FileServerPageDto } from './dto/file-server.dto';
import { FileServerParamsDto } from './dto/file-server.params.dto';
import { ListFileServersQueryDto } from './dto/list-file-servers.query.dto';
import { CreateFileServerDto } from './dto/create-file-server.dto';
import { UpdateFileServerDto } from './dto/update-file-server.dto';
import { FILE_SERVER_EXAMPLE, FILE_SERVER_EXAMPLES } from './file-server.example';

/**
 * What a file server's write can take: host and path (255 characters each), username (30) and password (80), each character
 * at most 6 bytes as a JSON escape, plus the port and the names: under 4 KiB. 8 KiB leaves room; more is a 413, unread.
 */
const FILE_SERVER_BODY_LIMIT_BYTES = 8 * 1024;

@ResourceController('file servers', 'api/v1/vdns/:vdnId/file-servers')
export class FileServersController {
  constructor(private readonly service: FileServersService) {}

  @Get()
  @Read({
    operationId: 'listFileServers',
    summary: 'List file (SFTP) servers',
    description: "A page of the VDN's SFTP servers, optionally only those with the given IDs. No password ever appears. iSales: POST file/queryServer.",
    ok: { type: FileServerPageDto, description: 'A page of file servers', example: pageExample(FILE_SERVER_EXAMPLES) },
    problems: [ISALES.queryServer],
  })
  list(@Param() params: VdnParamsDto, @Query() query: ListFileServersQueryDto): Promise<FileServerPageDto> {
    return this.service.list(params.vdnId, query);
  }

  @Get(':serverId')
  @Read({
    operationId: 'getFileServer',
    summary: 'One file (SFTP) server',
    description: 'The server with this ID, or 404. iSales: POST file/queryServer with serverIds.',
    ok: { type: FileServerDto, description: 'The file server', example: FILE_SERVER_EXAMPLE },
    problems: [ISALES.queryServer, 404],
  })
  get(@Param() params: FileServerParamsDto, @Query() _query: NoQueryDto): Promise<FileServerDto> {
    return this.service.get(params.vdnId, params.serverId);
  }

  @Post()
  @Write({
    bodyLimitBytes: FILE_SERVER_BODY_LIMIT_BYTES,
    idempotent: true,
    operationId: 'createFileServer',
    summary: 'Register an SFTP file server',
    description: 'iSales: POST file/addServer. The server information must be unique in the VDN. The password is never returned.',
    created: {
      type: FileServerDto,
      description: 'The server as registered (never its password)',
      headers: locationHeader('The new server\u2019s URL'),
      example: FILE_SERVER_EXAMPLE,
    },
    problems: [ISALES.addServer],
  })
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
  @Write({
    bodyLimitBytes: FILE_SERVER_BODY_LIMIT_BYTES,
    operationId: 'replaceFileServer',
    summary: 'Replace a file server\u2019s settings',
    description:
      'iSales: POST file/queryServer (the current server), then file/{serverId}/updateServer. Every field but the password ' +
      'is required; the password is required when host changes (a 400 before anything is updated).',
    ok: { type: FileServerDto, description: 'The server as now configured (never its password)', example: FILE_SERVER_EXAMPLE },
    problems: [ISALES.queryServer, ISALES.updateServer, 404],
  })
  replace(@Param() params: FileServerParamsDto, @Query() _query: NoQueryDto, @Body() body: UpdateFileServerDto): Promise<FileServerDto> {
    return this.service.replace(params.vdnId, params.serverId, body);
  }

  @Delete(':serverId')
  @HttpCode(204)
  @Write({
    operationId: 'deleteFileServer',
    summary: 'Delete a file server',
    description: 'iSales: POST file/{serverId}/deleteServer (0200006 there means no such server: 404).',
    noContent: 'Deleted',
    problems: [ISALES.deleteServer],
  })
  async remove(@Param() params: FileServerParamsDto, @Query() _query: NoQueryDto): Promise<void> {
    await this.service.remove(params.vdnId, params.serverId);
  }
}
