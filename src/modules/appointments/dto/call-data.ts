import { ValidateDocumented } from '../../../common/dto/documented-rule';

/** appoint/create: "max 1024 characters, JSON format" (docs/isales/write-api-notes.md section 5). */
export const MAX_CALL_DATA = 1024;

/** callData as iSales takes it: a string as it is, an object as its JSON text. */
export function callDataText(value: string | Record<string, unknown>): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isCallData(value: unknown): value is string | Record<string, unknown> {
  return typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value));
}

/**
 * A JSON object or a string, at most 1024 characters once serialised. Only on an automatic
 * reservation ("used only for reserved automatic outbound calls", elsewhere iSales would drop it):
 * that is the reservation's @Variants.
 */
export function IsCallData(): PropertyDecorator {
  return ValidateDocumented({
    name: 'isCallData',
    validate: (value: unknown) => isCallData(value) && callDataText(value).length <= MAX_CALL_DATA,
    message: `$property must be an object or a string of at most ${MAX_CALL_DATA} characters once serialised`,
    // The two branches are in the property's @ApiProperty; the serialised length of an object is stated in words.
    schema: () => ({
      property: {
        description: `At most ${MAX_CALL_DATA} characters once serialised as JSON; no string in it holds a control character or a bidirectional override.`,
      },
    }),
  });
}
