import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidParam } from '../errors/problem';
import { ValidationFailedError } from '../errors/gateway-error';
import { declaredProperties, inputRuleViolations } from './input-rules';

function flatten(errors: ValidationError[], prefix = ''): InvalidParam[] {
  return errors.flatMap((error) => {
    const name = prefix + error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ name, reason }));
    return [...own, ...flatten(error.children ?? [], `${name}.`)];
  });
}

const REMEMBERED_INPUTS = 1000;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * class-validator on every DTO: unknown query parameters are rejected, values are converted, and
 * the problem names each parameter at fault (never echoing its value).
 *
 * Route and query parameters repeat (agent desktops poll the same URLs), and converting and
 * validating them is the largest cost of a cached answer; so a valid input's DTO is remembered
 * (frozen, shared) per DTO class and raw input. Bodies are never remembered.
 */
export class GatewayValidationPipe extends ValidationPipe {
  private readonly remembered = new Map<unknown, Map<string, unknown>>();

  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new ValidationFailedError(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom' || metadata.data) return super.transform(value, metadata);
    if (metadata.type === 'body' || !metadata.metatype) {
      checkInputRules(value, metadata);
      return super.transform(value, metadata);
    }
    if (metadata.type === 'query' && declaredProperties(metadata.metatype).size === 0) return noQuery(value, metadata);
    let byInput = this.remembered.get(metadata.metatype);
    if (!byInput) this.remembered.set(metadata.metatype, (byInput = new Map()));
    const key = JSON.stringify(value);
    const known = byInput.get(key);
    if (known !== undefined) return known;
    checkInputRules(value, metadata);
    const result = deepFreeze(await super.transform(value, metadata));
    if (byInput.size >= REMEMBERED_INPUTS) byInput.delete(byInput.keys().next().value!);
    byInput.set(key, result);
    return result;
  }
}

/** The rules every DTO shares (src/common/pipes/input-rules.ts), before class-transformer sees the input. */
function checkInputRules(value: unknown, metadata: ArgumentMetadata): void {
  const violations = inputRuleViolations(value, metadata.metatype && isDtoClass(metadata.metatype) ? metadata.metatype : undefined);
  if (violations.length > 0) throw new ValidationFailedError(violations);
}

const NO_QUERY = Object.freeze({});

/** An operation that takes no query (NoQueryDto): every parameter is an unknown one. */
function noQuery(value: unknown, metadata: ArgumentMetadata): object {
  checkInputRules(value, metadata);
  const names = value && typeof value === 'object' ? Object.keys(value) : [];
  if (names.length > 0) throw new ValidationFailedError(names.map((name) => ({ name, reason: `property ${name} should not exist` })));
  return NO_QUERY;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function isDtoClass(metatype: Function): boolean {
  return ![String, Boolean, Number, Array, Object].includes(metatype as never);
}

export function createValidationPipe(): ValidationPipe {
  return new GatewayValidationPipe();
}
