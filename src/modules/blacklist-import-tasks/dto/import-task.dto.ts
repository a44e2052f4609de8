import { ApiProperty } from '@nestjs/swagger';
import { ApiNamedCode } from '../../../common/dto/named-code';
import { MATCHES_TOTAL, PageOf } from '../../../common/dto/page-of';

export const IMPORT_TASK_STATUSES = ['preparing', 'importing', 'completed', 'failed'] as const;
export type ImportTaskStatus = (typeof IMPORT_TASK_STATUSES)[number];

/** A blacklist file import task. */
export class ImportTaskDto {
  /** Import task ID (a numeric string of about 30 digits). */
  @ApiProperty({ example: '164698362894300182038011895728' })
  id: string | null;

  /** `preparing | importing | completed | failed`; an undocumented upstream code passes through as its raw string. */
  @ApiNamedCode(IMPORT_TASK_STATUSES, 'completed')
  status: ImportTaskStatus | (string & {}) | null;

  /** When the import started (ISO 8601, UTC). */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2022-03-11T07:27:09.000Z' })
  startedAt: string | null;

  /** When the import ended (ISO 8601, UTC); null while it runs. */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2022-03-11T07:27:09.000Z' })
  endedAt: string | null;

  /** Records imported. */
  @ApiProperty({ type: Number, nullable: true, example: 0 })
  succeeded: number | null;

  /** Duplicate records. */
  @ApiProperty({ type: Number, nullable: true, example: 0 })
  duplicates: number | null;

  /** Records that failed. */
  @ApiProperty({ type: Number, nullable: true, example: 0 })
  failed: number | null;

  /** Why the import failed; null when iSales gives no reason. */
  @ApiProperty({ type: String, nullable: true, example: null })
  error: string | null;
}

export class ImportTaskPageDto extends PageOf(ImportTaskDto, { description: MATCHES_TOTAL, example: 1, nullable: true }) {}
