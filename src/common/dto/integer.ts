import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/**
 * A whole number from `min` to `max` out of a path or a query string, where it arrives as text: converted with
 * Number, then checked by class-validator's IsInt, Min and Max (whose reasons the validation pipe gives). The
 * decorators apply in the order they would stacked above a property (the lowest first), so a value that breaks
 * several rules is refused with the same reasons in the same order.
 */
export function IsIntegerIn(min: number, max: number): PropertyDecorator {
  const decorators = [Max(max), Min(min), IsInt(), Type(() => Number)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}
