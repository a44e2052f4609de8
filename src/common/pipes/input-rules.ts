import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { atLeastOneOf, atLeastOneReason } from '../dto/at-least-one';
import { FORBIDDEN_CHARACTER, FORBIDDEN_CHARACTER_REASON } from '../dto/text';
import { variantReason, variantsOf } from '../dto/variants';
import { InvalidParam } from '../errors/problem';

// class-transformer exports its metadata (the `@Type` of nested DTOs) only by this path, with no types beside it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function;

/** Names an input must not use unless its DTO declares them: `?toString=1` or a body key `hasOwnProperty` reach no field. */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

const declared = new WeakMap<Class, ReadonlySet<string>>();

/** The properties a DTO class declares (its own and inherited validation rules'). */
export function declaredProperties(target: Class): ReadonlySet<string> {
  let names = declared.get(target);
  if (!names) {
    names = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .map((m) => m.propertyName),
    );
    declared.set(target, names);
  }
  return names;
}

/** The DTO class of a nested property (`@Type(() => X)`), if it has one. */
export function nestedClass(target: Class, property: string): Class | undefined {
  const type = defaultMetadataStorage.findTypeMetadata(target, property);
  const nested = type?.typeFunction?.() as Class | undefined;
  return nested && nested !== Object && nested !== Array && declaredProperties(nested).size > 0 ? nested : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * The rules every DTO shares, checked on the raw input before class-transformer sees it:
 * - `null` in a declared field is refused (no input field is nullable; `@IsOptional` alone would let it through to the mappers);
 * - no string, key or value, anywhere (free-form `callData` included), holds a control character or a bidirectional override;
 * - no key is named like an `Object.prototype` member unless the DTO declares it;
 * - a body marked `@AtLeastOneOf` has one of its fields, and a body with `@Variants` has none its variant does not take.
 */
export function inputRuleViolations(value: unknown, target: Class | undefined): InvalidParam[] {
  const found: InvalidParam[] = [];
  visit(value, target, '', found);
  if (target && isRecord(value)) {
    const fields = atLeastOneOf(target);
    if (fields && !fields.some((field) => Object.hasOwn(value, field) && value[field] !== undefined)) {
      found.push({ name: 'body', reason: atLeastOneReason(fields) });
    }
    const variants = variantsOf(target);
    const chosen = variants && value[variants.discriminator];
    if (variants && typeof chosen === 'string' && Object.hasOwn(variants.variants, chosen)) {
      for (const property of variants.variants[chosen].without) {
        if (Object.hasOwn(value, property)) found.push({ name: property, reason: variantReason(variants, chosen) });
      }
    }
  }
  return found;
}

function visit(value: unknown, target: Class | undefined, path: string, found: InvalidParam[]): void {
  if (typeof value === 'string') {
    if (FORBIDDEN_CHARACTER.test(value)) found.push({ name: path || 'body', reason: FORBIDDEN_CHARACTER_REASON });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (item === null && target) found.push({ name: join(path, index), reason: 'must not be null' });
      else visit(item, target, join(path, index), found);
    });
    return;
  }
  if (!isRecord(value)) return;
  const properties = target && declaredProperties(target);
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (FORBIDDEN_CHARACTER.test(key)) {
      found.push({ name: path || 'body', reason: `property names ${FORBIDDEN_CHARACTER_REASON}` });
      continue;
    }
    const isDeclared = properties?.has(key) ?? false;
    if (PROTOTYPE_NAMES.has(key) && !isDeclared) {
      found.push({ name: join(path, key), reason: `property ${key} should not exist` });
      continue;
    }
    if (child === null && isDeclared) {
      found.push({ name: join(path, key), reason: 'must not be null' });
      continue;
    }
    visit(child, isDeclared ? nestedClass(target!, key) : undefined, join(path, key), found);
  }
}
