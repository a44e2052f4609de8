import type { BlockedNumber } from '../data/records';
import { isalesTime } from '../data/generate-campaigns';
import { RESULT_CODES } from '../result-codes';
import { ValidationFailure } from '../validation';

/** "At most 24 characters, 0-9, * and #" (docs/isales/next-api-notes.md section 1). */
const NUMBER = /^[0-9*#]+$/;
export const MAX_NUMBER_LENGTH = 24;

/** One number: missing or "" 02000001, not a string 0200001, longer than 24 02000003, another character 02000002. */
export function checkNumber(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') throw new ValidationFailure(RESULT_CODES.empty, field);
  if (typeof value !== 'string') throw new ValidationFailure(RESULT_CODES.parameterError, field, 'must be a string');
  if (value.length > MAX_NUMBER_LENGTH) throw new ValidationFailure(RESULT_CODES.tooLong, field, `at most ${MAX_NUMBER_LENGTH} characters`);
  if (!NUMBER.test(value)) throw new ValidationFailure(RESULT_CODES.illegalCharacters, field, '0-9, * and # only');
  return value;
}

/** A number still blocked at `now`: no expiry, or one after now (times are UTC, `yyyy-MM-dd HH:mm:ss`). */
export function isValid(entry: BlockedNumber, now: Date): boolean {
  return entry.validityExpirationTime === '' || entry.validityExpirationTime > isalesTime(now.getTime());
}
