import { ApiProperty } from '@nestjs/swagger';
import { ImportTaskDto } from '../../blacklist-import-tasks/dto/import-task.dto';

/** A campaign's call-data file import task: the blacklist import task's fields plus the numbers it blocked. */
export class CallDataImportTaskDto extends ImportTaskDto {
  /** Records written to the blacklist automatically during the import (iSales blackNum). */
  @ApiProperty({ type: Number, nullable: true, example: 0 })
  blockedCount: number | null;
}

export class CallDataImportTaskPageDto {
  @ApiProperty({ type: [CallDataImportTaskDto] })
  items: CallDataImportTaskDto[];

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  /** iSales' total count, whatever this page holds; null when iSales did not send one. */
  @ApiProperty({ type: Number, nullable: true, example: 1 })
  total: number | null;
}
