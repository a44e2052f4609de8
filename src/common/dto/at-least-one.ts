import { ValidationFailedError } from '../errors/gateway-error';

/** A partial change must change something: an empty one would reach iSales as a no-op write. */
export function requireAnyField<T extends object>(body: T, fields: ReadonlyArray<keyof T & string>): void {
  if (fields.some((field) => body[field] !== undefined)) return;
  throw new ValidationFailedError([{ name: 'body', reason: `at least one of ${fields.join(', ')} must be given` }]);
}
