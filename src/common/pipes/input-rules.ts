import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { atLeastOneReason } from '../dto/at-least-one';
import { FORBIDDEN_CHARACTER, FORBIDDEN_CHARACTER_REASON } from '../dto/text';
import { variantReason } from '../dto/variants';
import { InvalidParam } from '../errors/problem';
import { ClassPlan, compileClass, Findings } from './compiled-input';

// class-transformer exports its metadata (the `@Type` of nested DTOs) only by this path, with no types beside it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function;

/** Names an input must not use unless its DTO declares them: `?toString=1` or a body key `hasOwnProperty` reach no field. */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The properties a DTO class declares (its own and inherited validation rules'), read when the document is written. */
export function declaredProperties(target: Class): ReadonlySet<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(target, '', true, false)
      .map((m) => m.propertyName),
  );
}

/** The DTO class of a nested property (`@Type(() => X)`), if it has one. */
export function nestedClass(target: Class, property: string): Class | undefined {
  const type = defaultMetadataStorage.findTypeMetadata(target, property);
  const nested = type?.typeFunction?.() as Class | undefined;
  return nested && nested !== Object && nested !== Array && declaredProperties(nested).size > 0 ? nested : undefined;
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * The rules every DTO shares, checked on the raw input before it is converted:
 * - `null` in a declared field is refused (no input field is nullable; `@IsOptional` alone would let it through to the mappers);
 * - no string, key or value, anywhere (free-form `callData` included), holds a control character or a bidirectional override;
 * - no key is named like an `Object.prototype` member unless the DTO declares it;
 * - a body marked `@AtLeastOneOf` has one of its fields, and a body with `@Variants` has none its variant does not take.
 * A list beyond its property's size bound is not walked: the bound is what its problem says (compiled-input.ts).
 */
export function inputRuleViolations(value: unknown, target: Class | undefined): InvalidParam[] {
  const findings = new Findings();
  checkInputRules(value, target && compileClass(target), findings);
  return findings.list;
}

/** inputRuleViolations with a compiled plan, into `findings`. */
export function checkInputRules(value: unknown, plan: ClassPlan | undefined, findings: Findings): void {
  visit(value, plan, '', findings);
  if (plan && isRecord(value)) {
    const fields = plan.atLeastOne;
    if (fields && !fields.some((field) => Object.hasOwn(value, field) && value[field] !== undefined)) {
      findings.add('body', atLeastOneReason(fields));
    }
    const variants = plan.variants;
    const chosen = variants && value[variants.discriminator];
    if (variants && typeof chosen === 'string' && Object.hasOwn(variants.variants, chosen)) {
      for (const property of variants.variants[chosen].without) {
        if (Object.hasOwn(value, property)) findings.add(property, variantReason(variants, chosen));
      }
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function visit(value: unknown, plan: ClassPlan | undefined, path: string, found: Findings): void {
  if (found.more) return;
  if (typeof value === 'string') {
    if (FORBIDDEN_CHARACTER.test(value)) found.add(path || 'body', FORBIDDEN_CHARACTER_REASON);
    return;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length && !found.more; index++) {
      const item: unknown = value[index];
      if (item === null && plan) found.add(join(path, index), 'must not be null');
      else if (typeof item === 'string') {
        if (FORBIDDEN_CHARACTER.test(item)) found.add(join(path, index), FORBIDDEN_CHARACTER_REASON);
      } else if (typeof item === 'object' && item !== null) visit(item, plan, join(path, index), found);
    }
    return;
  }
  if (!isRecord(value)) return;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (found.more) return;
    const child = value[key];
    const property = plan?.byName.get(key);
    // A declared name is plain text and may be a prototype member's (the DTO says so).
    if (!property) {
      if (FORBIDDEN_CHARACTER.test(key)) {
        found.add(path || 'body', `property names ${FORBIDDEN_CHARACTER_REASON}`);
        continue;
      }
      if (PROTOTYPE_NAMES.has(key)) {
        found.add(join(path, key), `property ${key} should not exist`);
        continue;
      }
    }
    if (typeof child === 'string') {
      // The common case (every query and path parameter) without building the child's path.
      if (FORBIDDEN_CHARACTER.test(child)) found.add(join(path, key), FORBIDDEN_CHARACTER_REASON);
      continue;
    }
    if (child === null) {
      if (property) found.add(join(path, key), 'must not be null');
      continue;
    }
    if (typeof child !== 'object') continue;
    if (property && property.bounds.length > 0 && property.bounds.some((rule) => rule.exceeds!(child))) continue;
    visit(child, property?.nested, join(path, key), found);
  }
}
