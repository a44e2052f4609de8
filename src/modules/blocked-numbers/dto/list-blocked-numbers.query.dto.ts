import { IsOptional } from 'class-validator';
import { IsIntegerIn } from '../../../common/dto/integer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CommaSeparatedList } from '../../../upstream/id-list';
import { IsNotWith } from '../../../common/dto/not-with';
import { MAX_PAGE, MAX_PAGE_SIZE } from '../../../upstream/page.query.dto';
import { BLOCKED_NUMBER_PATTERN, MAX_NUMBERS_PER_CALL } from './blocked-number.dto';

export const DEFAULT_PAGE_SIZE = 20;

/**
 * blocklist/query takes exactly one of a page or a set of numbers (docs/isales/next-api-notes.md section 1): `page` and
 * `pageSize` have no defaults here, so that the service can tell them given from absent.
 */
export class ListBlockedNumbersQueryDto {
  /**
   * Page number, starting at 1 (default 1); not with `numbers`.
   * @example 1
   */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @IsIntegerIn(1, MAX_PAGE)
  @IsNotWith('numbers')
  page?: number;

  /**
   * Items per page (default 20); not with `numbers`.
   * @example 20
   */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @IsIntegerIn(1, MAX_PAGE_SIZE)
  @IsNotWith('numbers')
  pageSize?: number;

  // No example: the document's examples make one request (Swagger UI's Try it out), and a page is the one it makes.
  @ApiPropertyOptional({
    type: String,
    description: `Comma-separated numbers (at most ${MAX_NUMBERS_PER_CALL}); only those of them that are blocked are returned, with \`valid\`. Not with \`page\` or \`pageSize\`.`,
  })
  @IsOptional()
  @CommaSeparatedList(
    BLOCKED_NUMBER_PATTERN,
    `$property must be 1 to ${MAX_NUMBERS_PER_CALL} comma-separated numbers of 0-9, * and # (at most 24 each)`,
    MAX_NUMBERS_PER_CALL,
  )
  numbers?: string[];
}
