import { variantsOf } from '../common/dto/variants';
import { UndocumentedRuleError } from './undocumented-rule.error';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function;
type Schema = Record<string, unknown>;

/** A body with @Variants: one schema per variant, and the body's own schema a `oneOf` of them with a discriminator. */
export function splitVariants(target: Class, schemas: Record<string, Schema>): void {
  const { discriminator, variants } = variantsOf(target)!;
  const base = schemas[target.name];
  const properties = (base.properties ?? {}) as Record<string, Schema>;
  const enumValues = properties[discriminator]?.enum as unknown[] | undefined;
  const keys = Object.keys(variants);
  if (!enumValues || enumValues.length !== keys.length || !keys.every((key) => enumValues.includes(key))) {
    throw new UndocumentedRuleError(`${target.name}: @Variants must name exactly the values of ${discriminator} (${JSON.stringify(enumValues)})`);
  }
  const mapping: Record<string, string> = {};
  for (const [value, variant] of Object.entries(variants)) {
    const schema = structuredClone(base);
    const own = schema.properties as Record<string, Schema>;
    for (const property of variant.without) delete own[property];
    own[discriminator] = { ...own[discriminator], enum: [value], example: value };
    if (Array.isArray(schema.required)) schema.required = (schema.required as string[]).filter((name) => !variant.without.includes(name));
    schema.description = variant.description;
    schemas[variant.schemaName] = schema;
    mapping[value] = `#/components/schemas/${variant.schemaName}`;
  }
  schemas[target.name] = {
    description: typeof base.description === 'string' ? base.description : `One of ${keys.join(', ')}, by ${discriminator}.`,
    oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
    discriminator: { propertyName: discriminator, mapping },
  };
}
