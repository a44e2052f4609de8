import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';

/** iSales IDs (import tasks, servers, appointments) are numeric strings of about 30 digits. */
export const ISALES_ID_PATTERN = /^[0-9]{1,64}$/;
export const MAX_IDS = 100;

/**
 * `ids=a,b,c` (or repeated `ids=`) as a list of ID strings, never numbers: 30-digit IDs do not
 * survive Number. Each must look like an iSales ID; at most MAX_IDS of them.
 */
export function IdList(): PropertyDecorator {
  const decorators = [
    Transform(({ value }: { value: unknown }) =>
      value === undefined
        ? undefined
        : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()),
    ),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_IDS),
    Matches(ISALES_ID_PATTERN, { each: true, message: '$property must be comma-separated numeric iSales IDs' }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}
