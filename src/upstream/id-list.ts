import { Transform } from 'class-transformer';
import { declareCoercion, ValidateDocumented } from '../common/dto/documented-rule';

/** iSales IDs (import tasks, servers, appointments) are numeric strings of about 30 digits. */
export const ISALES_ID_PATTERN = /^[0-9]{1,64}$/;
export const MAX_IDS = 100;

/** The comma-separated form of `item` as one pattern: 1 to `maxItems` items, spaces allowed around each. */
export function listPattern(item: RegExp, maxItems = MAX_IDS): RegExp {
  const one = `(?:${item.source.replace(/^\^/, '').replace(/\$$/, '')})`;
  return new RegExp(`^ *${one} *(?:, *${one} *){0,${maxItems - 1}}$`, item.flags);
}

const SPACE = 0x20;

/** `text` without the spaces at either end, in one pass (a regex alternation `^ +| +$` rescans a long run of spaces). */
export function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === SPACE) start++;
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** A list parameter's raw value (one string, or several when repeated) as its items, each trimmed of spaces. */
export function splitList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const items: string[] = [];
  for (const part of Array.isArray(value) ? (value as unknown[]) : [value]) {
    for (const item of String(part).split(',')) items.push(trimSpaces(item));
  }
  return items;
}

/**
 * A comma-separated (or repeated) query parameter as a list of strings, never numbers: 30-digit
 * IDs do not survive Number. Each item must match `pattern`; at most `maxItems` (MAX_IDS unless an
 * iSales page says fewer) of them. The document states it as a string matching listPattern(pattern, maxItems).
 */
export function CommaSeparatedList(pattern: RegExp, message: string, maxItems = MAX_IDS): PropertyDecorator {
  const decorators = [
    Transform(({ value }: { value: unknown }) => splitList(value)),
    declareCoercion(splitList),
    ValidateDocumented({
      name: 'commaSeparatedList',
      constraints: [pattern, maxItems],
      validate: (value) =>
        Array.isArray(value) && value.length >= 1 && value.length <= maxItems && value.every((item) => typeof item === 'string' && pattern.test(item)),
      message,
      schema: ([item, max]) => ({ property: { type: 'string', pattern: listPattern(item as RegExp, max as number).source } }),
    }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** `ids=a,b,c`: iSales IDs. */
export function IdList(): PropertyDecorator {
  return CommaSeparatedList(ISALES_ID_PATTERN, `$property must be 1 to ${MAX_IDS} comma-separated numeric iSales IDs`);
}
