import { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { atLeastOneOf } from '../common/dto/at-least-one';
import { documentedRule, SchemaFragment } from '../common/dto/documented-rule';
import { FORBIDDEN_CHARACTER_LIST, PLAIN_TEXT_PATTERN } from '../common/dto/text';
import { declaredProperties, nestedClass } from '../common/pipes/input-rules';
import { InputKind, routeInputs } from '../common/pipes/route-inputs';
import { variantsOf } from '../common/dto/variants';
import { UndocumentedRuleError } from './undocumented-rule.error';
import { splitVariants } from './variants.openapi';

export { UndocumentedRuleError } from './undocumented-rule.error';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function;
type Schema = Record<string, unknown>;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** class-validator's built-in rules, as schema keywords. */
const BUILT_IN: Readonly<Record<string, (constraints: readonly unknown[]) => SchemaFragment>> = {
  matches: ([pattern]) => ({ type: 'string', pattern: patternSource(pattern) }),
  isString: () => ({ type: 'string' }),
  isIn: ([values]) => ({ enum: values }),
  maxLength: ([max]) => ({ type: 'string', maxLength: max }),
  minLength: ([min]) => ({ type: 'string', minLength: min }),
  isLength: ([min, max]) => ({ type: 'string', minLength: min, ...(max !== undefined && { maxLength: max }) }),
  isInt: () => ({ type: 'integer' }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  isArray: () => ({ type: 'array' }),
  arrayMaxSize: ([max]) => ({ type: 'array', maxItems: max }),
  arrayMinSize: ([min]) => ({ type: 'array', minItems: min }),
};

function patternSource(pattern: unknown): string {
  if (!(pattern instanceof RegExp)) throw new UndocumentedRuleError(`a pattern given as ${typeof pattern}, not a RegExp`);
  if (pattern.flags.replace('u', '') !== '') throw new UndocumentedRuleError(`pattern /${pattern.source}/${pattern.flags}: a schema pattern has no flags`);
  return pattern.source;
}

interface PropertyRules {
  schema: SchemaFragment;
  optional: boolean;
  object: SchemaFragment[];
}

/** What class-validator enforces on each property of `target`, as schema keywords. */
function rulesOf(target: Class): Map<string, PropertyRules> {
  const byProperty = new Map<string, PropertyRules>();
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  for (const property of declaredProperties(target)) {
    const own = metadatas.filter((m) => m.propertyName === property);
    const rules: PropertyRules = { schema: {}, optional: false, object: [] };
    for (const metadata of own) addRule(target, property, metadata, rules);
    byProperty.set(property, rules);
  }
  return byProperty;
}

function addRule(target: Class, property: string, metadata: ValidationMetadata, rules: PropertyRules): void {
  const where = `${target.name}.${property}`;
  if (metadata.type === 'conditionalValidation' && metadata.name === 'isOptional') {
    rules.optional = true;
    return;
  }
  if (metadata.type === 'nestedValidation') return; // the property's $ref (from @Type and @ApiProperty) states it
  if (metadata.type !== 'customValidation' || !metadata.name) {
    throw new UndocumentedRuleError(`${where}: a ${metadata.type} rule has no OpenAPI translation`);
  }
  const constraints = (metadata.constraints ?? []) as unknown[];
  const builtIn = BUILT_IN[metadata.name];
  const documented = builtIn ? { property: builtIn(constraints) } : documentedRule(metadata.name)?.(constraints, property);
  if (!documented) {
    throw new UndocumentedRuleError(
      `${where}: the rule ${metadata.name} has no OpenAPI translation; declare it with ValidateDocumented (src/common/dto/documented-rule.ts)`,
    );
  }
  const fragment = documented.property ?? {};
  merge(rules.schema, metadata.each ? { type: 'array', items: fragment } : fragment, where);
  if (documented.object) rules.object.push(documented.object);
}

/** Adds `fragment` to `schema`: descriptions are appended, `items` merged, any other keyword must not contradict. */
function merge(schema: Schema, fragment: SchemaFragment, where: string): void {
  for (const [key, value] of Object.entries(fragment)) {
    if (key === 'description') {
      const text = String(value);
      if (typeof schema.description !== 'string') schema.description = text;
      else if (!schema.description.includes(text)) schema.description = `${schema.description.replace(/\s*$/, '')} ${text}`;
    } else if (key === 'items' && isSchema(value)) {
      schema.items = isSchema(schema.items) ? schema.items : {};
      merge(schema.items as Schema, value, `${where}[]`);
    } else if (key in schema && JSON.stringify(schema[key]) !== JSON.stringify(value)) {
      throw new UndocumentedRuleError(`${where}: ${key} is ${JSON.stringify(schema[key])} by one rule and ${JSON.stringify(value)} by another`);
    } else {
      schema[key] = value;
    }
  }
}

/** The document's schema of a property, rewritten with what validation enforces (the validation wins over what @ApiProperty said). */
function apply(schema: Schema, derived: SchemaFragment): void {
  for (const [key, value] of Object.entries(derived)) {
    if (key === 'description') {
      const text = String(value);
      if (typeof schema.description !== 'string') schema.description = text;
      else if (!schema.description.includes(text)) schema.description = `${schema.description.replace(/\s*$/, '')} ${text}`;
    } else if (key === 'items' && isSchema(value) && isSchema(schema.items) && '$ref' in schema.items) {
      continue; // a nested DTO: its own component states its rules
    } else if (key === 'type' && value === 'string' && schema.oneOf) {
      continue; // a free-form union (callData) states its own branches
    } else {
      schema[key] = value;
    }
  }
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every string without a pattern of its own takes the plain-text one; a pattern of its own must refuse every forbidden character. */
function requirePlainText(schema: unknown, where: string): void {
  if (!isSchema(schema)) return;
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    if (Array.isArray(schema[key])) (schema[key] as unknown[]).forEach((branch, i) => requirePlainText(branch, `${where} ${key}[${i}]`));
  }
  if (isSchema(schema.items)) requirePlainText(schema.items, `${where}[]`);
  if (schema.type !== 'string' || Array.isArray(schema.enum)) return;
  if (typeof schema.pattern !== 'string') {
    schema.pattern = PLAIN_TEXT_PATTERN.source;
    return;
  }
  const pattern = new RegExp(schema.pattern, 'u');
  const sample = typeof schema.example === 'string' ? schema.example : 'a';
  const admitted = FORBIDDEN_CHARACTER_LIST.find((c) =>
    [c, sample + c, c + sample, sample.slice(0, 1) + c + sample.slice(1), c.repeat(2)].some((text) => pattern.test(text)),
  );
  if (admitted !== undefined) {
    throw new UndocumentedRuleError(
      `${where}: the pattern ${schema.pattern} admits U+${admitted.charCodeAt(0).toString(16).padStart(4, '0')}, ` +
        'which the validation refuses in every string; exclude it (src/common/dto/text.ts)',
    );
  }
}

/** The DTO classes an operation's body, query and path parameters are validated with, by operationId. */
function operationInputs(app: INestApplication): Map<string, Partial<Record<InputKind, Class>>> {
  const inputs = new Map<string, Partial<Record<InputKind, Class>>>();
  for (const route of routeInputs(app)) if (route.operationId) inputs.set(route.operationId, route.inputs);
  return inputs;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  operationId?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema; description?: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/**
 * Rewrites the document so that it states every rule the validation enforces, from the DTOs'
 * class-validator metadata (one source): patterns, lengths, ranges, formats, required fields,
 * `additionalProperties: false` and `minProperties` on bodies, the variants of a body as a `oneOf`
 * with a discriminator, and the plain-text rule on every string. A rule it cannot state fails the
 * generation (UndocumentedRuleError), so the document cannot be looser than the gateway.
 */
export function applyValidationRules(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const inputs = operationInputs(app);
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const done = new Set<Class>();
  const describeClass = (target: Class): void => {
    if (done.has(target)) return;
    done.add(target);
    const schema = schemas[target.name];
    if (!schema) throw new UndocumentedRuleError(`${target.name} validates a body but is not in components.schemas`);
    describeBody(target, schema, describeClass);
    const variants = variantsOf(target);
    if (variants) splitVariants(target, schemas);
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation?.operationId) continue;
      const found = inputs.get(operation.operationId) ?? {};
      for (const parameter of operation.parameters ?? []) {
        const target = parameter.in === 'query' ? found.query : parameter.in === 'path' ? found.path : undefined;
        if (!target) continue;
        const rules = rulesOf(target).get(parameter.name);
        if (!rules) throw new UndocumentedRuleError(`${method.toUpperCase()} ${path}: parameter ${parameter.name} is not a property of ${target.name}`);
        if (rules.object.length > 0)
          throw new UndocumentedRuleError(`${target.name}.${parameter.name}: a rule relating parameters cannot be stated on a parameter`);
        parameter.schema = parameter.schema ?? {};
        apply(parameter.schema, rules.schema);
        if (parameter.in === 'query') parameter.required = !rules.optional;
        requirePlainText(parameter.schema, `${operation.operationId} ${parameter.name}`);
      }
      if (found.body) describeClass(found.body);
    }
  }
  return document;
}

function describeBody(target: Class, schema: Schema, describeNested: (target: Class) => void): void {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set<string>();
  const objectRules: SchemaFragment[] = [];
  for (const [property, rules] of rulesOf(target)) {
    const propertySchema = properties[property];
    if (!propertySchema) throw new UndocumentedRuleError(`${target.name}.${property} is validated but not in its schema`);
    apply(propertySchema, rules.schema);
    requirePlainText(propertySchema, `${target.name}.${property}`);
    if (!rules.optional) required.add(property);
    objectRules.push(...rules.object);
    const ref = (isSchema(propertySchema.items) ? propertySchema.items.$ref : propertySchema.$ref) as string | undefined;
    if (ref) {
      const nested = nestedClass(target, property);
      if (nested) describeNested(nested);
    }
  }
  const undeclared = Object.keys(properties).filter((name) => !declaredProperties(target).has(name));
  if (undeclared.length > 0)
    throw new UndocumentedRuleError(`${target.name}: ${undeclared.join(', ')} documented but never validated (the gateway refuses them)`);
  if (required.size > 0) schema.required = Object.keys(properties).filter((name) => required.has(name));
  else delete schema.required;
  schema.additionalProperties = false;
  const atLeastOne = atLeastOneOf(target);
  if (atLeastOne) {
    const all = Object.keys(properties);
    if (atLeastOne.length !== all.length || !all.every((name) => atLeastOne.includes(name))) {
      throw new UndocumentedRuleError(`${target.name}: @AtLeastOneOf must name every property (${all.join(', ')}) to read as minProperties: 1`);
    }
    schema.minProperties = 1;
  }
  if (objectRules.length === 1) Object.assign(schema, objectRules[0]);
  else if (objectRules.length > 1) schema.allOf = objectRules;
}
