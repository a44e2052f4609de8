import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/dto/page-of';

export class BusinessResultChildDto {
  /** Sub-result code ([0-9A-Za-z-], up to 50 characters). */
  @ApiProperty({ example: '12324' })
  code: string | null;

  @ApiProperty({ example: 'sub02' })
  name: string | null;
}

/** A business-result definition (a disposition): a parent with its sub-results; the tree is two levels deep. */
export class BusinessResultDto {
  @ApiProperty({ example: '11111' })
  code: string | null;

  @ApiProperty({ example: 'test111' })
  name: string | null;

  @ApiProperty({ type: [BusinessResultChildDto] })
  children: BusinessResultChildDto[];
}

export class BusinessResultPageDto extends PageOf(BusinessResultDto, {
  description: 'Number of parent definitions in the VDN.',
  example: 3,
  nullable: false,
}) {}

/** One definition found by code: a parent (with its children) or a child (with its parent's code). */
export class BusinessResultLookupDto extends BusinessResultDto {
  @ApiProperty({ enum: ['parent', 'child'], example: 'parent' })
  level: 'parent' | 'child';

  /** The parent's code when this is a sub-result, otherwise null. */
  @ApiProperty({ type: String, nullable: true, example: null })
  parentCode: string | null;
}
