import 'reflect-metadata';
import type { MetadataStorage as TransformMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { atLeastOneOf } from '../dto/at-least-one';
import { DocumentedValidatorOptions, propertyExtras } from '../dto/documented-rule';
import { FORBIDDEN_CHARACTER } from '../dto/text';
import { VariantsOptions, variantsOf } from '../dto/variants';
import { InvalidParam } from '../errors/problem';

// class-transformer exports its metadata (the `@Type` and `@Transform` of properties) only by this path, with no types beside it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformMetadataStorage };
/** class-transformer's TransformationType.PLAIN_TO_CLASS (its enum is not exported where its types are). */
const PLAIN_TO_CLASS = 0;

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type Class = Function;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
type Input = Record<string, unknown>;

/** A DTO rule the compiled validators cannot enforce: the application refuses to start rather than check less than the DTO says. */
export class UntranslatableRuleError extends Error {
  override readonly name = 'UntranslatableRuleError';
}

/** The most invalid parameters one problem lists; the problem's detail says when there were more. */
export const MAX_INVALID_PARAMS = 20;

/** The invalid parameters of one input, at most MAX_INVALID_PARAMS of them; `more` once one more was found. */
export class Findings {
  readonly list: InvalidParam[];
  more: boolean;

  constructor() {
    this.list = [];
    this.more = false;
  }

  add(name: string, reason: string): void {
    if (this.list.length < MAX_INVALID_PARAMS) this.list.push({ name, reason });
    else this.more = true;
  }
}

/** One rule of a property: its class-validator name (the key its reason is kept under), its test and its reason. */
interface Rule {
  readonly name: string;
  readonly test: (value: unknown, object: Input) => boolean;
  readonly reason: string;
  /** A size bound: true when `value` is beyond it, checked before anything else of the property. */
  readonly exceeds?: (value: unknown) => boolean;
}

export interface PropertyPlan {
  readonly name: string;
  readonly optional: boolean;
  readonly coerce?: (value: unknown) => unknown;
  readonly rules: readonly Rule[];
  readonly bounds: readonly Rule[];
  /** The nested DTO (`@ValidateNested` with `@Type`), validated in each item of a list or in an object. */
  readonly nested?: ClassPlan;
  readonly nestedReason?: string;
}

/** What a DTO class's input must be, compiled once from its decorators. */
export interface ClassPlan {
  readonly target: Class;
  readonly properties: readonly PropertyPlan[];
  readonly byName: ReadonlyMap<string, PropertyPlan>;
  readonly atLeastOne?: readonly string[];
  readonly variants?: VariantsOptions;
}

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

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

function isObject(value: unknown): value is Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks `input` (an object) against `plan` and builds what the controller receives: an instance of the
 * DTO class (its defaults included) with each given property converted as class-transformer would.
 * Unknown properties, then each property's rules in class-validator's order. A size bound beyond its
 * limit is reported alone, and nothing nested in that property is looked at.
 */
export function checkObject(plan: ClassPlan, input: Input, path: string, findings: Findings): object {
  const Target = plan.target as new () => Input;
  const output = new Target();
  for (const key of Object.keys(input)) {
    const property = plan.byName.get(key);
    if (!property) {
      findings.add(join(path, key), `property ${key} should not exist`);
      continue;
    }
    const raw = input[key];
    output[key] = property.coerce ? property.coerce(raw) : raw;
  }
  for (const property of plan.properties) {
    if (findings.more) break;
    const value = output[property.name];
    if (property.optional && (value === null || value === undefined)) continue;
    if (property.bounds.length > 0 && property.bounds.some((rule) => rule.exceeds!(value))) {
      for (const rule of property.bounds) if (rule.exceeds!(value)) findings.add(join(path, property.name), rule.reason);
      continue;
    }
    let failed: Map<string, string> | undefined;
    for (const rule of property.rules) {
      if (!rule.test(value, output)) (failed ??= new Map()).set(rule.name, rule.reason);
    }
    if (failed) for (const reason of failed.values()) findings.add(join(path, property.name), reason);
    if (property.nested && value !== undefined) output[property.name] = checkNested(property, value, join(path, property.name), findings);
  }
  return output;
}

/**
 * The answer for a valid input of a flat DTO (no nested DTO, no @AtLeastOneOf or @Variants), in one
 * pass and without allocating anything but the answer; undefined when anything is off (or the value
 * is not a plain string, number or boolean), and the caller then runs the full checks, which word
 * the problem. Both run the same compiled rules, so the fast path cannot accept more.
 */
export function compileFastPath(plan: ClassPlan): ((input: Input) => object | undefined) | undefined {
  if (plan.atLeastOne || plan.variants || plan.properties.some((property) => property.nested)) return undefined;
  const Target = plan.target as new () => Input;
  const { byName, properties } = plan;
  return (input) => {
    const output = new Target();
    for (const key in input) {
      if (!Object.hasOwn(input, key)) continue;
      const property = byName.get(key);
      if (property === undefined) return undefined;
      const raw = input[key];
      if (typeof raw === 'string') {
        if (FORBIDDEN_CHARACTER.test(raw)) return undefined;
      } else if (typeof raw !== 'number' && typeof raw !== 'boolean') return undefined;
      output[key] = property.coerce ? property.coerce(raw) : raw;
    }
    for (const property of properties) {
      const value = output[property.name];
      if (property.optional && (value === null || value === undefined)) continue;
      for (const rule of property.rules) if (!rule.test(value, output)) return undefined;
    }
    return output;
  };
}

function checkNested(property: PropertyPlan, value: unknown, name: string, findings: Findings): unknown {
  const nested = property.nested!;
  if (isObject(value)) return checkObject(nested, value, name, findings);
  if (!Array.isArray(value)) {
    findings.add(name, property.nestedReason!);
    return value;
  }
  const items: unknown[] = [];
  for (let i = 0; i < value.length && !findings.more; i++) {
    const item: unknown = value[i];
    if (isObject(item)) items.push(checkObject(nested, item, join(name, i), findings));
    else {
      findings.add(join(name, i), property.nestedReason!);
      items.push(item);
    }
  }
  return items;
}
