import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../common/errors/gateway-error';
import { toOffsetLimit } from '../../common/dto/page.query.dto';
import { IsalesClient } from '../../isales/isales.client';
import { FileServerDto, FileServerPageDto } from './dto/file-server.dto';
import { ListFileServersQueryDto } from './dto/list-file-servers.query.dto';
import { toFileServer } from './file-server.mapper';

@Injectable()
export class FileServersService {
  constructor(private readonly isales: IsalesClient) {}

  async list(vdnId: number, query: ListFileServersQueryDto): Promise<FileServerPageDto> {
    const page = await this.isales.listFileServers(vdnId, { ...toOffsetLimit(query), serverIds: query.ids });
    return { items: page.items.map(toFileServer), page: query.page, pageSize: query.pageSize, total: page.total };
  }

  async get(vdnId: number, serverId: string): Promise<FileServerDto> {
    const page = await this.isales.listFileServers(vdnId, { offset: 0, limit: 1, serverIds: [serverId] });
    // Only an exact match: if iSales ignored serverIds, the first server would be the wrong one.
    const server = page.items.find((item) => item.serverId === serverId);
    if (!server) throw new ResourceNotFoundError(`No file server ${serverId} in VDN ${vdnId}`);
    return toFileServer(server);
  }
}
