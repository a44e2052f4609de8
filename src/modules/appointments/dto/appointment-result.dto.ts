import { IsOptional } from 'class-validator';
import { OptionalMatching } from '../../../common/dto/optional-string';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { AtLeastOneOf } from '../../../common/dto/at-least-one';
import { ValidateWithSibling } from '../../../common/dto/documented-rule';
import { BUSINESS_RESULT_CODE_MESSAGE, BUSINESS_RESULT_CODE_PATTERN } from '../../../upstream/business-result-code';
import { IsInstant, IsNotAfter } from './instant';
import { PHONE_NUMBER_MESSAGE, PHONE_NUMBER_PATTERN } from './phone-number';

/** CTI cause codes are digit strings (00000 = success); kept as strings for their leading zeros. */
const FAIL_CODE_PATTERN = /^[0-9]{1,16}$/;
const CALL_ID_PATTERN = /^[0-9A-Za-z._:-]{1,64}$/;

/** Only with `other` given too. */
function Requires(other: string): PropertyDecorator {
  return ValidateWithSibling(other, {
    name: 'requires',
    validate: (_value, needed) => needed !== undefined,
    message: `$property needs ${other}`,
    schema: ([needed], property) => ({
      property: { description: `Only with \`${String(needed)}\`.` },
      object: {
        anyOf: [{ not: { properties: { [property]: {} }, required: [property] } }, { properties: { [String(needed)]: {} }, required: [needed] }],
      },
    }),
  });
}

/** The outcome of a manual reservation's call, as appoint/updateResult takes it; at least one field. */
@AtLeastOneOf(['callerNumber', 'failCode', 'callId', 'businessResult', 'businessSubStatus', 'startedAt', 'endedAt'])
export class AppointmentResultDto {
  /** The number the call came from. */
  @OptionalMatching(PHONE_NUMBER_PATTERN, PHONE_NUMBER_MESSAGE, '710002')
  callerNumber?: string;

  /** CTI cause code: 00000 succeeded, anything else failed. */
  @OptionalMatching(FAIL_CODE_PATTERN, '$property must be a CTI cause code (digits)', '00000')
  failCode?: string;

  /** The CTI call record's ID. */
  @OptionalMatching(CALL_ID_PATTERN, '$property must be 1 to 64 of 0-9, A-Z, a-z, ., _, : and -', '1747302513-4711')
  callId?: string;

  /** A business-result code (a parent of the VDN's tree). */
  @OptionalMatching(BUSINESS_RESULT_CODE_PATTERN, BUSINESS_RESULT_CODE_MESSAGE, '11111')
  businessResult?: string;

  /** A sub-result code of `businessResult`. */
  @OptionalMatching(BUSINESS_RESULT_CODE_PATTERN, BUSINESS_RESULT_CODE_MESSAGE, '12324')
  @Requires('businessResult')
  businessSubStatus?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2030-06-02T10:00:05Z' })
  @IsOptional()
  @IsInstant()
  @IsNotAfter('endedAt')
  startedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2030-06-02T10:03:41Z' })
  @IsOptional()
  @IsInstant()
  endedAt?: string;
}
