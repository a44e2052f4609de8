import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';

/** iSales IDs (import tasks, servers, appointments) are numeric strings of about 30 digits. */
export const ISALES_ID_PATTERN = /^[0-9]{1,64}$/;
export const MAX_IDS = 100;

/**
 * A comma-separated (or repeated) query parameter as a list of strings, never numbers: 30-digit
 * IDs do not survive Number. Each item must match `pattern`; at most MAX_IDS of them.
 */
export function CommaSeparatedList(pattern: RegExp, message: string): PropertyDecorator {
  const decorators = [
    Transform(({ value }: { value: unknown }) =>
      value === undefined
        ? undefined
        : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()),
    ),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_IDS),
    Matches(pattern, { each: true, message }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** `ids=a,b,c`: iSales IDs. */
export function IdList(): PropertyDecorator {
  return CommaSeparatedList(ISALES_ID_PATTERN, '$property must be comma-separated numeric iSales IDs');
}
