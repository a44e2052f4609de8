import { IsOptional } from 'class-validator';
import { IsIntegerIn } from '../common/dto/integer';
import { ApiPropertyOptional } from '@nestjs/swagger';

export const MAX_PAGE_SIZE = 100;
/** Keeps offset = (page - 1) * pageSize far inside iSales' int range. */
export const MAX_PAGE = 100000;

export class PageQueryDto {
  /**
   * Page number, starting at 1.
   * @example 1
   */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @IsIntegerIn(1, MAX_PAGE)
  page: number = 1;

  /**
   * Items per page.
   * @example 20
   */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @IsIntegerIn(1, MAX_PAGE_SIZE)
  pageSize: number = 20;
}

export interface OffsetLimit {
  offset: number;
  limit: number;
}

/** The gateway's page/pageSize as iSales' row offset (docs/isales/operations.md#queryDataImportTask: offset = limit x (page - 1)). */
export function toOffsetLimit(query: { page: number; pageSize: number }): OffsetLimit {
  return { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
}
