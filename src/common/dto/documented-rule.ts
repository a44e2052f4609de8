import { ValidateBy, ValidationArguments } from 'class-validator';

/** A fragment of an OpenAPI Schema Object. */
export type SchemaFragment = Record<string, unknown>;

/**
 * What a custom rule adds to the document: to the property's schema, and (for rules relating two
 * fields) to the schema of the object that holds it.
 */
export interface RuleSchema {
  property?: SchemaFragment;
  object?: SchemaFragment;
}

export type DescribeRule = (constraints: readonly unknown[], propertyName: string) => RuleSchema;

const DOCUMENTED = new Map<string, DescribeRule>();

/** How the document states the custom rule `name` (src/openapi/validation.openapi.ts refuses an undocumented one). */
export function documentRule(name: string, describe: DescribeRule): void {
  DOCUMENTED.set(name, describe);
}

export function documentedRule(name: string): DescribeRule | undefined {
  return DOCUMENTED.get(name);
}

export interface DocumentedValidatorOptions {
  name: string;
  constraints?: unknown[];
  validate: (value: unknown, args?: ValidationArguments) => boolean;
  message: string;
  /** The rule as the OpenAPI document states it. */
  schema: DescribeRule;
}

/** What a property's own rules and coercion are, by class and property: what the compiled validators run (src/common/pipes/compiled-input.ts). */
export interface PropertyExtras {
  rules: Map<string, DocumentedValidatorOptions>;
  /** The property's conversion from its raw input (what its class-transformer `@Transform` does), linear in the input. */
  coerce?: (value: unknown) => unknown;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const EXTRAS = new WeakMap<Function, Map<string, PropertyExtras>>();

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function extrasOf(target: Function, property: string): PropertyExtras {
  let byProperty = EXTRAS.get(target);
  if (!byProperty) EXTRAS.set(target, (byProperty = new Map<string, PropertyExtras>()));
  let extras = byProperty.get(property);
  if (!extras) byProperty.set(property, (extras = { rules: new Map<string, DocumentedValidatorOptions>() }));
  return extras;
}

/** The custom rules and coercion declared on `target`'s own `property` (not its parents'). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function propertyExtras(target: Function, property: string): PropertyExtras | undefined {
  return EXTRAS.get(target)?.get(property);
}

/** Declares how a property's raw input is converted (the compiled validators' counterpart of its `@Transform`). */
export function declareCoercion(coerce: (value: unknown) => unknown): PropertyDecorator {
  return (target, key) => {
    extrasOf(target.constructor, String(key)).coerce = coerce;
  };
}

/** A custom class-validator rule that says how the OpenAPI document states it: validation and document from one place. */
export function ValidateDocumented(options: DocumentedValidatorOptions): PropertyDecorator {
  documentRule(options.name, options.schema);
  const decorate = ValidateBy({
    name: options.name,
    constraints: options.constraints,
    validator: { validate: options.validate, defaultMessage: () => options.message },
  });
  return (target, key) => {
    extrasOf(target.constructor, String(key)).rules.set(options.name, options);
    decorate(target, key);
  };
}

/** A documented rule relating a property to `other`, a sibling in the same input: `validate` sees both values. */
export interface SiblingRuleOptions extends Omit<DocumentedValidatorOptions, 'constraints' | 'validate'> {
  validate: (value: unknown, sibling: unknown) => boolean;
}

/** A documented rule on a property and its sibling `other` (given with it, without it, ordered after it). */
export function ValidateWithSibling(other: string, options: SiblingRuleOptions): PropertyDecorator {
  return ValidateDocumented({
    name: options.name,
    constraints: [other],
    validate: (value, args) => options.validate(value, (args?.object as Record<string, unknown> | undefined)?.[other]),
    message: options.message,
    schema: options.schema,
  });
}
