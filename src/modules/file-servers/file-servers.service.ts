import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '../../common/errors/gateway-error';
import { IsalesClient } from '../../upstream/isales.client';
import { exactlyOne, restPage } from '../resource-reads';
import { FileServerDto, FileServerPageDto } from './dto/file-server.dto';
import { ListFileServersQueryDto } from './dto/list-file-servers.query.dto';
import { toFileServer, toFileServerQuery, toIsalesServer, toWrittenFileServer } from './file-server.mapper';
import { CreateFileServerDto } from './dto/create-file-server.dto';
import { UpdateFileServerDto } from './dto/update-file-server.dto';

/** Host names compare without case; a server iSales keeps without an IP has no host to keep. */
function sameHost(current: string | null, next: string): boolean {
  return current !== null && current.toLowerCase() === next.toLowerCase();
}

@Injectable()
export class FileServersService {
  constructor(private readonly isales: IsalesClient) {}

  async list(vdnId: number, query: ListFileServersQueryDto): Promise<FileServerPageDto> {
    const page = await this.isales.listFileServers(vdnId, toFileServerQuery(query));
    return restPage(page, toFileServer, query);
  }

  async get(vdnId: number, serverId: string): Promise<FileServerDto> {
    const page = await this.isales.listFileServers(vdnId, toFileServerQuery({ page: 1, pageSize: 1, ids: [serverId] }));
    return toFileServer(exactlyOne(page, (server) => server.serverId, serverId, `No file server ${serverId} in VDN ${vdnId}`));
  }

  async create(vdnId: number, server: CreateFileServerDto): Promise<FileServerDto> {
    const id = await this.isales.addServer(vdnId, toIsalesServer(server));
    return toWrittenFileServer(id, server);
  }

  /**
   * "If the IP address needs to be changed, the password must be transferred" (updateServer's
   * precaution): the current server is read first, so a missing password is a 400 before any update.
   */
  async replace(vdnId: number, serverId: string, server: UpdateFileServerDto): Promise<FileServerDto> {
    const current = await this.get(vdnId, serverId);
    if (server.password === undefined && !sameHost(current.host, server.host)) {
      throw new ValidationFailedError([{ name: 'password', reason: 'password is required when host changes' }]);
    }
    await this.isales.updateServer(vdnId, serverId, toIsalesServer(server));
    return toWrittenFileServer(serverId, server);
  }

  remove(vdnId: number, serverId: string): Promise<void> {
    return this.isales.deleteServer(vdnId, serverId);
  }
}
