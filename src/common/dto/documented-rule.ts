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

/** A custom class-validator rule that says how the OpenAPI document states it: validation and document from one place. */
export function ValidateDocumented(options: DocumentedValidatorOptions): PropertyDecorator {
  documentRule(options.name, options.schema);
  return ValidateBy({
    name: options.name,
    constraints: options.constraints,
    validator: { validate: options.validate, defaultMessage: () => options.message },
  });
}
