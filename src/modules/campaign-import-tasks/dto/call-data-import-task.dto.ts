import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/dto/page-of';
import { ImportTaskDto } from '../../blacklist-import-tasks/dto/import-task.dto';

/** A campaign's call-data file import task: the blacklist import task's fields plus the numbers it blocked. */
export class CallDataImportTaskDto extends ImportTaskDto {
  /** Records written to the blacklist automatically during the import (iSales blackNum). */
  @ApiProperty({ type: Number, nullable: true, example: 0 })
  blockedCount: number | null;
}

export class CallDataImportTaskPageDto extends PageOf(CallDataImportTaskDto, {
  description: "iSales' total count, whatever this page holds; null when iSales did not send one.",
  example: 1,
  nullable: true,
}) {}
