import { isalesTime } from '../data/generate-campaigns';
import { successBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { optionalInt, parseJsonBody, ValidationFailure } from '../validation';
import { checkNumber, isValid } from './blocklist-input';
import type { OperationDefinition } from './operation';

const MAX_ADDED = 20;
const MAX_VALIDITY_HOURS = 120;
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * POST blocklist/add {blocklist, validityTime?, validityExpirationTime?} (docs/isales/write-api-notes.md section 10.1):
 * nothing is added when one check fails. More than 20 numbers 0200029, duplicates 0200018, a number already (and still)
 * blocked 0200007. validityTime is in hours (validityTimeUnit's default, and the older page's only unit); the expiry wins
 * when both are given. Neither: blocked without an expiry.
 */
export const blocklistAdd: OperationDefinition = {
  name: 'blocklistAdd',
  handle({ body, dataset, settings, now }) {
    const input = parseJsonBody(body);
    const numbers = input.blocklist;
    if (numbers === undefined || numbers === null) throw new ValidationFailure(RESULT_CODES.empty, 'blocklist');
    if (!Array.isArray(numbers) || numbers.length === 0) throw new ValidationFailure(RESULT_CODES.parameterError, 'blocklist', 'a list of numbers');
    if (numbers.length > MAX_ADDED) throw new ValidationFailure(RESULT_CODES.tooManyNumbers, 'blocklist', `at most ${MAX_ADDED}`);
    const checked = numbers.map((number) => checkNumber(number, 'blocklist'));
    if (new Set(checked).size !== checked.length) throw new ValidationFailure(RESULT_CODES.duplicateNumbers, 'blocklist');
    const unit = optionalInt(input, 'validityTimeUnit', 1);
    if (unit !== undefined && unit !== 4) throw new ValidationFailure(RESULT_CODES.wrongValue, 'validityTimeUnit', 'only hours (4) are simulated');
    const hours = optionalInt(input, 'validityTime', 1);
    if (hours !== undefined && hours > MAX_VALIDITY_HOURS) throw new ValidationFailure(RESULT_CODES.wrongValue, 'validityTime', '1 to 120');
    const expiry = input.validityExpirationTime;
    if (expiry !== undefined && expiry !== null && (typeof expiry !== 'string' || !TIME.test(expiry))) {
      throw new ValidationFailure(RESULT_CODES.wrongValue, 'validityExpirationTime', 'yyyy-MM-dd HH:mm:ss');
    }
    const current = new Map(dataset.blocklist.map((entry) => [entry.blockNum, entry]));
    if (
      checked.some((number) => {
        const entry = current.get(number);
        return entry !== undefined && isValid(entry, now);
      })
    ) {
      throw new ValidationFailure(RESULT_CODES.numberAlreadyBlocked, 'blocklist');
    }
    const validityExpirationTime = typeof expiry === 'string' ? expiry : hours !== undefined ? isalesTime(now.getTime() + hours * 3_600_000) : '';
    dataset.blocklist = dataset.blocklist.filter((entry) => !checked.includes(entry.blockNum));
    dataset.blocklist.push(...checked.map((blockNum) => ({ blockNum, validityExpirationTime })));
    return successBody({}, settings.envelope);
  },
};
