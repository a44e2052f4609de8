import { InvalidParam } from '../../common/errors/problem';
import { stringOrNull } from '../../common/mapping/values';
import { isalesTimeInZone, toIsalesTimeInZone } from '../../common/mapping/zoned-time';
import { BlocklistQuery, IsalesBlockedNumber, IsalesBlocklistInput } from '../../upstream/isales.types';
import { toOffsetLimit } from '../../upstream/page.query.dto';
import { BlockedNumberDto } from './dto/blocked-number.dto';
import { AddBlockedNumbersDto } from './dto/add-blocked-numbers.dto';

/** `flag`: "true: valid; false: invalid" (a Boolean on the page; "true"/"false" read as well). */
function validity(raw: unknown): boolean | null {
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  return null;
}

/** `zone`: the tenant's (no blocklist page states one for its times). */
export function toBlockedNumber(entry: IsalesBlockedNumber, zone: string): BlockedNumberDto {
  return {
    number: stringOrNull(entry.blockNum),
    expiresAt: isalesTimeInZone(entry.validityExpirationTime, zone),
    valid: validity(entry.flag),
  };
}

/** blocklist/query's body: a page, or the numbers (exactly one of the two). */
export function toBlocklistQuery(query: { page: number; pageSize: number } | { numbers: string[] }): BlocklistQuery {
  return 'numbers' in query ? { blocklist: query.numbers } : toOffsetLimit(query);
}

/** blocklist/add's body: validityTime in hours with no unit (hours on both pages), or the expiry in the tenant's zone. */
export function toIsalesBlocklist(input: AddBlockedNumbersDto, zone: string): IsalesBlocklistInput {
  return {
    blocklist: input.numbers,
    ...(input.validityHours !== undefined && { validityTime: input.validityHours }),
    ...(input.expiresAt !== undefined && { validityExpirationTime: toIsalesTimeInZone(input.expiresAt, zone) }),
  };
}

/** Each number given more than once, by position (a problem never repeats a full number). */
export function duplicateNumbers(numbers: readonly string[]): InvalidParam[] {
  const first = new Map<string, number>();
  const params: InvalidParam[] = [];
  numbers.forEach((number, index) => {
    const earlier = first.get(number);
    if (earlier === undefined) first.set(number, index);
    else params.push({ name: `numbers[${index}]`, reason: `is the same number as numbers[${earlier}]` });
  });
  return params;
}

/** The given numbers that iSales lists as blocked and in force, by position. */
export function alreadyBlocked(numbers: readonly string[], blocked: readonly BlockedNumberDto[]): InvalidParam[] {
  const inForce = new Set(blocked.filter((entry) => entry.valid !== false).map((entry) => entry.number));
  return numbers.flatMap((number, index) => (inForce.has(number) ? [{ name: `numbers[${index}]`, reason: 'is already blocked' }] : []));
}
