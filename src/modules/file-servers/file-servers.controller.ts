import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { ApiProblems, UPSTREAM_STATUSES } from '../../common/swagger/api-problems.decorator';
import { FileServersService } from './file-servers.service';
import { FileServerDto, FileServerPageDto } from './dto/file-server.dto';
import { FileServerParamsDto } from './dto/file-server.params.dto';
import { ListFileServersQueryDto } from './dto/list-file-servers.query.dto';
import { FILE_SERVER_EXAMPLE, FILE_SERVER_EXAMPLES } from './file-server.example';
import { RequireScope } from '../../auth/scopes.decorator';

@ApiTags('file servers')
@RequireScope('isales:read')
@Controller('api/v1/vdns/:vdnId/file-servers')
export class FileServersController {
  constructor(private readonly service: FileServersService) {}

  @Get()
  @ApiOperation({
    operationId: 'listFileServers',
    summary: 'List file (SFTP) servers',
    description: 'A page of the VDN\'s SFTP servers, optionally only those with the given IDs. No password ever appears. iSales: POST file/queryServer.',
  })
  @ApiOkResponse({
    type: FileServerPageDto,
    description: 'A page of file servers',
    example: { items: FILE_SERVER_EXAMPLES, page: 1, pageSize: 20, total: FILE_SERVER_EXAMPLES.length },
  })
  // 404/409: queryServer's table lists 0200033 and 0200034 (copied from the write-back page, seed 001).
  @ApiProblems(...UPSTREAM_STATUSES, 404, 409)
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
  @ApiProblems(...UPSTREAM_STATUSES, 404, 409)
  get(@Param() params: FileServerParamsDto): Promise<FileServerDto> {
    return this.service.get(params.vdnId, params.serverId);
  }
}
