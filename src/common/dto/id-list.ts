import { Transform } from 'class-transformer';
import { ValidateDocumented } from './documented-rule';

/** iSales IDs (import tasks, servers, appointments) are numeric strings of about 30 digits. */
export const ISALES_ID_PATTERN = /^[0-9]{1,64}$/;
export const MAX_IDS = 100;

/** The comma-separated form of `item` as one pattern: 1 to `maxItems` items, spaces allowed around each. */
export function listPattern(item: RegExp, maxItems = MAX_IDS): RegExp {
  const one = `(?:${item.source.replace(/^\^/, '').replace(/\$$/, '')})`;
  return new RegExp(`^ *${one} *(?:, *${one} *){0,${maxItems - 1}}$`, item.flags);
}

/**
 * A comma-separated (or repeated) query parameter as a list of strings, never numbers: 30-digit
 * IDs do not survive Number. Each item must match `pattern`; at most `maxItems` (MAX_IDS unless an
 * iSales page says fewer) of them. The document states it as a string matching listPattern(pattern, maxItems).
 */
export function CommaSeparatedList(pattern: RegExp, message: string, maxItems = MAX_IDS): PropertyDecorator {
  const decorators = [
    Transform(({ value }: { value: unknown }) =>
      value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.replace(/^ +| +$/g, '')),
    ),
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
