import { Module } from '@nestjs/common';
import { FileServersController } from './file-servers.controller';
import { FileServersService } from './file-servers.service';

@Module({ controllers: [FileServersController], providers: [FileServersService] })
export class FileServersModule {}
