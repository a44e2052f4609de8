const VARIANTS = Symbol('variants');

export interface Variant {
  /** The variant's schema name in the OpenAPI document. */
  schemaName: string;
  description: string;
  /** Properties of the class this variant does not take. */
  without: readonly string[];
}

export interface VariantsOptions {
  /** The property whose value chooses the variant (an `@IsIn` of exactly the variants' keys). */
  discriminator: string;
  variants: Readonly<Record<string, Variant>>;
}

/**
 * A body whose properties depend on one of them (a reservation's `type`). The validation pipe
 * refuses a property the chosen variant does not take (src/common/pipes/input-rules.ts); the document
 * states the body as a `oneOf` of the variants with a discriminator (src/openapi/validation.openapi.ts).
 */
export function Variants(options: VariantsOptions): ClassDecorator {
  return (target) => Reflect.defineMetadata(VARIANTS, options, target);
}

export function variantsOf(target: object): VariantsOptions | undefined {
  return Reflect.getMetadata(VARIANTS, target) as VariantsOptions | undefined;
}

export function variantReason(options: VariantsOptions, value: string): string {
  return `must not be given when ${options.discriminator} is ${value}`;
}
