import { ValidateBy, ValidationArguments } from 'class-validator';

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
 * A JSON object or a string, at most 1024 characters once serialised, and only on an automatic
 * reservation ("used only for reserved automatic outbound calls"): elsewhere iSales would drop it.
 */
export function IsCallData(): PropertyDecorator {
  return ValidateBy({
    name: 'isCallData',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        isCallData(value) && callDataText(value).length <= MAX_CALL_DATA && (args?.object as { type?: unknown }).type === 'automatic',
      defaultMessage: () => `$property must be an object or a string of at most ${MAX_CALL_DATA} characters once serialised, on an automatic reservation only`,
    },
  });
}
