import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '../../common/errors/gateway-error';
import { IsalesClient } from '../../upstream/isales.client';
import { IsalesFileServer } from '../../upstream/isales.types';
import { FilteredResourceService } from '../resource-reads';
import { FileServerDto } from './dto/file-server.dto';
import { toFileServer, toFileServerQuery, toIsalesServer, toWrittenFileServer } from './file-server.mapper';
import { CreateFileServerDto } from './dto/create-file-server.dto';
import { UpdateFileServerDto } from './dto/update-file-server.dto';

/** Host names compare without case; a server iSales keeps without an IP has no host to keep. */
function sameHost(current: string | null, next: string): boolean {
  return current !== null && current.toLowerCase() === next.toLowerCase();
}

@Injectable()
export class FileServersService extends FilteredResourceService<IsalesFileServer, FileServerDto> {
  constructor(private readonly isales: IsalesClient) {
    super({
      fetch: (vdnId, query) => isales.listFileServers(vdnId, toFileServerQuery(query)),
      map: toFileServer,
      idOf: (server) => server.serverId,
      noun: 'file server',
    });
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
