/**
 * OpenAPI 3.0 Schema Objects are not quite JSON Schema: `nullable` instead of a `null` type, and
 * annotations (`example`) a JSON Schema validator in strict mode rejects. This turns one into the
 * draft-07 JSON Schema it means, so ajv can check it with every keyword it does not know an error.
 */

type Schema = Record<string, unknown>;

/** OpenAPI-only annotations with no bearing on validation. */
const ANNOTATIONS = ['example', 'externalDocs', 'xml', 'deprecated', 'discriminator'];

export interface ConversionOptions {
  /** Rewrites `#/components/schemas/X` so the reference resolves where the converted schemas live. */
  ref: (name: string) => string;
  /**
   * Objects without `additionalProperties` are closed: a field the document does not declare is an
   * error. The document itself stays open (clients must tolerate new fields); the tests do not.
   */
  closed: boolean;
  /** Keeps `x-*` extensions (for a validator that knows them as keywords); otherwise they are dropped as annotations. */
  keepExtensions?: boolean;
}

export function toJsonSchema(schema: unknown, options: ConversionOptions): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, options));
  if (!isObject(schema)) return schema;
  const { nullable, ...rest } = schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    if (ANNOTATIONS.includes(key) || (key.startsWith('x-') && !options.keepExtensions)) continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = rewriteRef(value, options);
    else if (key === 'properties' && isObject(value)) out.properties = mapValues(value, (v) => toJsonSchema(v, options));
    else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(key)) out[key] = toJsonSchema(value, options);
    else out[key] = value;
  }
  if (options.closed && isObjectSchema(out) && !('additionalProperties' in out)) out.additionalProperties = false;
  return nullable === true ? allowNull(out) : out;
}

function allowNull(schema: Schema): Schema {
  if (typeof schema.type === 'string') {
    const enumWithNull = Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {};
    return { ...schema, type: [schema.type, 'null'], ...enumWithNull };
  }
  return { anyOf: [schema, { type: 'null' }] };
}

function rewriteRef(ref: string, options: ConversionOptions): string {
  const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (!match) throw new Error(`unsupported $ref ${ref}: only #/components/schemas/* is resolved`);
  return options.ref(match[1]);
}

function isObjectSchema(schema: Schema): boolean {
  return schema.type === 'object' || (schema.type === undefined && isObject(schema.properties));
}

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapValues(record: Schema, fn: (value: unknown) => unknown): Schema {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}
