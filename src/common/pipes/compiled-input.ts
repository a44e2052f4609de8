import 'reflect-metadata';
import type { MetadataStorage as TransformMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { atLeastOneOf } from '../dto/at-least-one';
import { DocumentedValidatorOptions, propertyExtras } from '../dto/documented-rule';
import { variantsOf } from '../dto/variants';
import { Class, ClassPlan, PropertyPlan, Rule, UntranslatableRuleError, ValidationMetadata } from './input-plan';

export { Findings, MAX_INVALID_PARAMS, UntranslatableRuleError } from './input-plan';
export type { Class, ClassPlan, PropertyPlan } from './input-plan';
export { checkObject } from './input-check';
export { compileFastPath } from './fast-path';

// class-transformer exports its metadata (the `@Type` and `@Transform` of properties) only by this path, with no types beside it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformMetadataStorage };
/** class-transformer's TransformationType.PLAIN_TO_CLASS (its enum is not exported where its types are). */
const PLAIN_TO_CLASS = 0;

/**
 * The length class-validator's MaxLength/MinLength/Length measure (validator.js isLength): UTF-16 units,
 * less one per surrogate pair and per variation selector U+FE0E/U+FE0F.
 */
export function validatorLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfe0e || code === 0xfe0f) length--;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';
const lengthWithin = (value: unknown, min: number, max: number | undefined) => {
  if (typeof value !== 'string') return false;
  const length = validatorLength(value);
  return length >= min && (max === undefined || length <= max);
};
const longerThan = (max: number | undefined) => (value: unknown) => max !== undefined && typeof value === 'string' && validatorLength(value) > max;

/** class-validator's built-in rules, as tests (the same semantics as its own, without it on a request's path). */
const BUILT_IN: Readonly<Record<string, (constraints: readonly unknown[]) => Pick<Rule, 'test' | 'exceeds'>>> = {
  isInt: () => ({ test: (v) => isNumber(v) && Number.isInteger(v) }),
  min: ([min]) => ({ test: (v) => isNumber(v) && isNumber(min) && v >= min }),
  max: ([max]) => ({ test: (v) => isNumber(v) && isNumber(max) && v <= max }),
  isString: () => ({ test: (v) => typeof v === 'string' }),
  matches: ([pattern]) => {
    if (!(pattern instanceof RegExp) || pattern.global || pattern.sticky)
      throw new UntranslatableRuleError(`a Matches pattern must be a RegExp without g or y`);
    return { test: (v) => typeof v === 'string' && pattern.test(v) };
  },
  isIn: ([values]) => ({ test: (v) => Array.isArray(values) && values.some((allowed) => allowed === v) }),
  maxLength: ([max]) => ({ test: (v) => lengthWithin(v, 0, max as number), exceeds: longerThan(max as number) }),
  minLength: ([min]) => ({ test: (v) => lengthWithin(v, min as number, undefined) }),
  isLength: ([min, max]) => ({ test: (v) => lengthWithin(v, min as number, max as number | undefined), exceeds: longerThan(max as number | undefined) }),
  isArray: () => ({ test: (v) => Array.isArray(v) }),
  arrayMaxSize: ([max]) => ({ test: (v) => Array.isArray(v) && v.length <= (max as number), exceeds: (v) => Array.isArray(v) && v.length > (max as number) }),
  arrayMinSize: ([min]) => ({ test: (v) => Array.isArray(v) && v.length >= (min as number) }),
};

function constraintText(constraint: unknown): string {
  if (Array.isArray(constraint)) return constraint.join(', ');
  if (typeof constraint === 'symbol') return constraint.description ?? '';
  return String(constraint);
}

/** A rule's reason as class-validator words it, with its tokens filled in once: it never depends on the value (values are never echoed). */
function reasonOf(metadata: ValidationMetadata, where: string): string {
  let message: unknown = metadata.message;
  if (message === undefined || message === '') {
    const [constraint] = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls);
    const instance = constraint?.instance as { defaultMessage?: (args: unknown) => string } | undefined;
    message = instance?.defaultMessage?.({
      targetName: metadata.target instanceof Function ? metadata.target.name : '',
      property: metadata.propertyName,
      object: {},
      value: undefined,
      constraints: metadata.constraints,
    });
  }
  if (typeof message !== 'string') throw new UntranslatableRuleError(`${where}: the rule ${metadata.name} words its reason from the value`);
  if (message.includes('$value')) throw new UntranslatableRuleError(`${where}: the reason of ${metadata.name} echoes the value`);
  let reason = message.replace(/\$property/g, metadata.propertyName).replace(/\$target/g, metadata.target instanceof Function ? metadata.target.name : '');
  (metadata.constraints ?? []).forEach((constraint: unknown, index: number) => {
    reason = reason.replace(new RegExp(`\\$constraint${index + 1}`, 'g'), constraintText(constraint));
  });
  return reason;
}

/** The documented custom rule `name` of a property, declared on its class or a parent. */
function documentedOf(metadata: ValidationMetadata): DocumentedValidatorOptions | undefined {
  const owner = metadata.target instanceof Function ? metadata.target : undefined;
  return owner && metadata.name ? propertyExtras(owner, metadata.propertyName)?.rules.get(metadata.name) : undefined;
}

function ruleOf(metadata: ValidationMetadata, where: string): Rule {
  const name = metadata.name ?? '';
  const constraints = (metadata.constraints ?? []) as unknown[];
  const builtIn = BUILT_IN[name];
  let test: Rule['test'];
  let exceeds: Rule['exceeds'];
  if (builtIn) {
    ({ test, exceeds } = builtIn(constraints));
  } else {
    const documented = documentedOf(metadata);
    if (!documented) {
      throw new UntranslatableRuleError(
        `${where}: the rule ${name || metadata.type} has no compiled check; declare it with ValidateDocumented (src/common/dto/documented-rule.ts)`,
      );
    }
    const { validate } = documented;
    const property = metadata.propertyName;
    test = (value, object) => validate(value, { value, object, constraints, property, targetName: '' });
  }
  if (metadata.each) {
    const one = test;
    test = (value, object) => (Array.isArray(value) ? value.every((item) => one(item, object)) : one(value, object));
    exceeds = undefined;
  }
  if (metadata.validateIf) throw new UntranslatableRuleError(`${where}: a rule with validateIf has no compiled check`);
  return { name, test, exceeds, reason: reasonOf(metadata, where) };
}

/** The DTO class of a nested property (`@Type(() => X)`) with rules of its own, or undefined. */
function nestedTypeOf(target: Class, property: string): Class | undefined {
  const type = defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction?.() as Class | undefined;
  if (type === undefined || type === Number) return undefined;
  if (getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length === 0) {
    throw new UntranslatableRuleError(`${target.name}.${property}: @Type(() => ${type.name}) has no compiled conversion`);
  }
  return type;
}

const toNumber = (value: unknown): unknown => (value === null || value === undefined ? value : Number(value));
/** What class-transformer's `@Type(() => Number)` makes of a raw value: Number(value), item by item for a list. */
const coerceNumber = (value: unknown): unknown => (Array.isArray(value) ? value.map(toNumber) : toNumber(value));

function coercionOf(target: Class, property: string, where: string): PropertyPlan['coerce'] {
  const transforms = defaultMetadataStorage.findTransformMetadatas(target, property, PLAIN_TO_CLASS);
  const own = propertyExtras(target, property)?.coerce ?? inheritedCoercion(target, property);
  if (transforms.length > 0) {
    if (!own) throw new UntranslatableRuleError(`${where}: a @Transform without a declared coercion (declareCoercion, src/common/dto/documented-rule.ts)`);
    return own;
  }
  const type = defaultMetadataStorage.findTypeMetadata(target, property)?.typeFunction?.() as Class | undefined;
  if (type === Number) return coerceNumber;
  if (type !== undefined && type !== Object && getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length === 0) {
    throw new UntranslatableRuleError(`${where}: @Type(() => ${type.name}) has no compiled conversion`);
  }
  return undefined;
}

function inheritedCoercion(target: Class, property: string): PropertyPlan['coerce'] {
  for (
    let parent = Object.getPrototypeOf(target) as Class | null;
    parent && parent !== Function.prototype;
    parent = Object.getPrototypeOf(parent) as Class | null
  ) {
    const coerce = propertyExtras(parent, property)?.coerce;
    if (coerce) return coerce;
  }
  return undefined;
}

/**
 * Compiles what a DTO class's decorators say into a plan its inputs are checked against: class-validator's
 * metadata in the order class-validator applies it (so the reasons come in the same order), class-transformer's
 * `@Type` and `@Transform` as conversions. A rule or a conversion without a compiled counterpart throws
 * UntranslatableRuleError: the application does not start.
 */
export function compileClass(target: Class, known = new Map<Class, ClassPlan>()): ClassPlan {
  const done = known.get(target);
  if (done) return done;
  const properties: PropertyPlan[] = [];
  const byName = new Map<string, PropertyPlan>();
  const plan: ClassPlan = { target, properties, byName, atLeastOne: atLeastOneOf(target), variants: variantsOf(target) };
  known.set(target, plan);
  const grouped = new Map<string, ValidationMetadata[]>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
    const list = grouped.get(metadata.propertyName) ?? [];
    list.push(metadata);
    grouped.set(metadata.propertyName, list);
  }
  for (const [name, metadatas] of grouped) {
    const where = `${target.name}.${name}`;
    let optional = false;
    let nestedReason: string | undefined;
    const rules: Rule[] = [];
    for (const metadata of metadatas) {
      if (metadata.type === 'conditionalValidation' && metadata.name === 'isOptional') optional = true;
      else if (metadata.type === 'nestedValidation') nestedReason = reasonOf(metadata, where);
      else if (metadata.type === 'customValidation') rules.push(ruleOf(metadata, where));
      else throw new UntranslatableRuleError(`${where}: a ${metadata.type} rule has no compiled check`);
    }
    const nestedType = nestedReason === undefined ? undefined : nestedTypeOf(target, name);
    if (nestedReason !== undefined && !nestedType) throw new UntranslatableRuleError(`${where}: @ValidateNested without a @Type of a DTO class`);
    const property: PropertyPlan = {
      name,
      optional,
      coerce: nestedType ? undefined : coercionOf(target, name, where),
      rules,
      bounds: rules.filter((rule) => rule.exceeds),
      nested: nestedType && compileClass(nestedType, known),
      nestedReason,
    };
    properties.push(property);
    byName.set(name, property);
  }
  return plan;
}
