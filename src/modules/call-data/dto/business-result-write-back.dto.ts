import { Matches } from 'class-validator';
import { OptionalMatching, OptionalText } from '../../../common/dto/optional-string';
import { ApiProperty } from '@nestjs/swagger';
import { BUSINESS_RESULT_CODE_MESSAGE, BUSINESS_RESULT_CODE_PATTERN } from '../../../upstream/business-result-code';

/** The page gives busiResultDesc no limit; this bounds it (docs/isales/call-results-choices.md §3). */
export const MAX_DESCRIPTION = 500;
/** An agent's work number; the page gives no format, Huawei's agent ids are digits. */
export const WORK_NUMBER_PATTERN = /^[0-9]{1,10}$/;

/** The business result of a call's data, as callBusiResult takes it. */
export class BusinessResultWriteBackDto {
  /** A business-result code of the VDN's tree (a parent). */
  @ApiProperty({ example: '11111', pattern: BUSINESS_RESULT_CODE_PATTERN.source })
  @Matches(BUSINESS_RESULT_CODE_PATTERN, { message: BUSINESS_RESULT_CODE_MESSAGE })
  businessResult: string;

  /** A sub-result code of `businessResult`; one of another parent is a 400 from iSales (0200034). */
  @OptionalMatching(BUSINESS_RESULT_CODE_PATTERN, BUSINESS_RESULT_CODE_MESSAGE, '12324')
  subStatus?: string;

  @OptionalText(MAX_DESCRIPTION, 'Customer asked for a callback next week')
  description?: string;

  /** The agent's work number, to keep routing this data to the same agent. */
  @OptionalMatching(WORK_NUMBER_PATTERN, '$property must be an agent work number (1 to 10 digits)', '2033')
  agent?: string;
}
