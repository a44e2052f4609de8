import { ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidParam } from '../errors/problem';
import { ValidationFailedError } from '../errors/gateway-error';

function flatten(errors: ValidationError[], prefix = ''): InvalidParam[] {
  return errors.flatMap((error) => {
    const name = prefix + error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ name, reason }));
    return [...own, ...flatten(error.children ?? [], `${name}.`)];
  });
}

/**
 * class-validator on every DTO: unknown query parameters are rejected, values are converted, and
 * the problem names each parameter at fault (never echoing its value).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flatten(errors)),
  });
}
