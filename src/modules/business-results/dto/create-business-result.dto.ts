import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested, ValidationArguments } from 'class-validator';
import { ValidateDocumented } from '../../../common/dto/documented-rule';
import { FORBIDDEN_CHARACTERS } from '../../../common/dto/text';
import { OptionalMatching } from '../../../common/dto/optional-string';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUSINESS_RESULT_CODE_MESSAGE, BUSINESS_RESULT_CODE_PATTERN } from '../../../upstream/business-result-code';

/**
 * addBusinessResult forbids "special characters" without listing them (docs/isales/write-api-notes.md section 9);
 * the gateway refuses these, control characters and bidirectional overrides: 1 to `max` characters of anything else.
 */
const plainText = (max: number) => new RegExp(`^[^\`~!@#$%^&*()+=|{}'":;<>/?\\\\[\\]${FORBIDDEN_CHARACTERS}]{1,${max}}$`, 'u');
const NAME_PATTERN = plainText(50);
const DESCRIPTION_PATTERN = plainText(200);
const NAME_MESSAGE = '$property must be 1 to 50 characters without `~!@#$%^&*()+=|{}\'":;<>/?\\[]';
const DESCRIPTION_MESSAGE = '$property must be 1 to 200 characters without `~!@#$%^&*()+=|{}\'":;<>/?\\[]';
/** iSales gives no maximum; this bounds one request. */
export const MAX_CHILDREN = 100;

/** No code twice in one definition (the parent's included): the tree is looked up by code. */
function HasUniqueCodes(): PropertyDecorator {
  return ValidateDocumented({
    name: 'hasUniqueCodes',
    validate(children: unknown, args?: ValidationArguments) {
      if (!Array.isArray(children)) return true;
      const parent = (args?.object as { code?: unknown }).code;
      const codes = [parent, ...children.map((child: { code?: unknown }) => child?.code)].filter((code) => code !== undefined);
      return new Set(codes).size === codes.length;
    },
    message: '$property must not repeat a code (the parent\u2019s included)',
    // JSON Schema has no uniqueness by one property: stated in words and as an extension.
    schema: () => ({ property: { description: 'No two sub-results, nor a sub-result and the parent, have the same code.', 'x-unique-codes': true } }),
  });
}

export class BusinessResultChildInputDto {
  @ApiProperty({ example: '客户直接挂断', maxLength: 50 })
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name: string;

  /** iSales makes one up when none is given. */
  @OptionalMatching(BUSINESS_RESULT_CODE_PATTERN, BUSINESS_RESULT_CODE_MESSAGE, '100001')
  code?: string;

  @ApiPropertyOptional({ example: '客户直接挂断', maxLength: 200 })
  @IsOptional()
  @Matches(DESCRIPTION_PATTERN, { message: DESCRIPTION_MESSAGE })
  description?: string;
}

/** A new business-result definition (iSales can add them, never change or delete them). */
export class CreateBusinessResultDto extends BusinessResultChildInputDto {
  @ApiPropertyOptional({ type: [BusinessResultChildInputDto], maxItems: MAX_CHILDREN })
  @IsOptional()
  @IsArray({ message: '$property must be a list' })
  @ArrayMaxSize(MAX_CHILDREN, { message: `$property must hold at most ${MAX_CHILDREN} sub-results` })
  @ValidateNested({ each: true })
  @Type(() => BusinessResultChildInputDto)
  @HasUniqueCodes()
  children?: BusinessResultChildInputDto[];
}
