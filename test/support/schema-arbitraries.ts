import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { toJsonSchema } from './openapi-schema';
import type { OpenApiDocument, Operation } from './response-contract';

/**
 * Requests generated from openapi.json's own schemas, and the document as the judge of them: for
 * each operation, what its path parameters, query and body may be (as one JSON Schema, with the
 * document's `x-not-after`, `x-not-with` and `x-unique-codes` extensions as keywords), arbitraries of inputs the
 * document allows, and of inputs that break exactly one of its rules.
 */

type Schema = Record<string, unknown>;

export interface OperationInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
}

export interface DocumentedOperation {
  method: string;
  template: string;
  operationId: string;
  /** Statuses the document declares for it. */
  statuses: string[];
  /** The operation's inputs as one JSON Schema (object with path, query and body). */
  inputSchema: Schema;
  hasBody: boolean;
}

const SCHEMAS_ID = 'openapi.json';
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];
const CONVERSION = { closed: false, keepExtensions: true, ref: (name: string) => `${SCHEMAS_ID}#/definitions/${name}` };

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ajv with the document's schemas and its two extensions, which relate a value to its siblings. */
function documentAjv(document: OpenApiDocument): Ajv {
  const ajv = new Ajv({ allErrors: false, strict: true, unicodeRegExp: true });
  addFormats(ajv);
  for (const format of OPENAPI_FORMATS) ajv.addFormat(format, true);
  ajv.addKeyword({
    keyword: 'x-not-after',
    validate: (other: string, value: unknown, _schema?: unknown, context?: { parentData?: unknown }) => {
      const end = isSchema(context?.parentData) ? context.parentData[other] : undefined;
      return typeof value !== 'string' || typeof end !== 'string' || !(Date.parse(value) > Date.parse(end));
    },
  });
  ajv.addKeyword({
    keyword: 'x-not-with',
    validate: (other: string, _value: unknown, _schema?: unknown, context?: { parentData?: unknown }) =>
      !isSchema(context?.parentData) || context.parentData[other] === undefined,
  });
  ajv.addKeyword({
    keyword: 'x-unique-codes',
    validate: (_on: boolean, value: unknown, _schema?: unknown, context?: { parentData?: unknown }) => {
      if (!Array.isArray(value)) return true;
      const parent = isSchema(context?.parentData) ? context.parentData.code : undefined;
      const codes = [parent, ...value.map((item) => (isSchema(item) ? item.code : undefined))].filter((code) => code !== undefined);
      return new Set(codes).size === codes.length;
    },
  });
  const definitions = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, toJsonSchema(schema, CONVERSION)]));
  ajv.addSchema({ $id: SCHEMAS_ID, definitions });
  return ajv;
}

interface RequestBodyOperation extends Operation {
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
}

export class DocumentInputs {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  readonly operations: DocumentedOperation[];

  constructor(readonly document: OpenApiDocument) {
    this.ajv = documentAjv(document);
    this.operations = Object.entries(document.paths)
      .filter(([template]) => template.startsWith('/api/'))
      .flatMap(([template, methods]) =>
        Object.entries(methods as Record<string, RequestBodyOperation>).map(([method, operation]) => this.describe(method, template, operation)),
      );
  }

  private describe(method: string, template: string, operation: RequestBodyOperation): DocumentedOperation {
    const group = (where: string): Schema => {
      const parameters = (operation.parameters ?? []).filter((p) => p.in === where);
      return {
        type: 'object',
        properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema ?? {}])),
        required: parameters.filter((p) => p.required).map((p) => p.name),
        additionalProperties: false,
      };
    };
    const body = operation.requestBody?.content?.['application/json']?.schema;
    const inputSchema: Schema = {
      type: 'object',
      properties: { path: group('path'), query: group('query'), ...(body !== undefined && { body }) },
      required: ['path', 'query', ...(body !== undefined && operation.requestBody?.required ? ['body'] : [])],
      additionalProperties: false,
    };
    return {
      method: method.toUpperCase(),
      template,
      operationId: operation.operationId ?? `${method} ${template}`,
      statuses: Object.keys(operation.responses),
      inputSchema,
      hasBody: body !== undefined,
    };
  }

  /** Whether the document allows `input` for the operation. */
  allows(operation: DocumentedOperation, input: OperationInput): boolean {
    let validate = this.validators.get(operation.operationId);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(operation.inputSchema, CONVERSION) as object);
      this.validators.set(operation.operationId, validate);
    }
    return validate(input);
  }

  /** The schema `#/components/schemas/X` stands for, or the schema itself. */
  resolve(schema: unknown): Schema {
    let current = isSchema(schema) ? schema : {};
    while (typeof current.$ref === 'string') {
      const name = current.$ref.replace('#/components/schemas/', '');
      current = (this.document.components?.schemas?.[name] ?? {}) as Schema;
    }
    return current;
  }

  /** Values the schema allows (mostly: `allows` filters what a relation between fields rules out). */
  value(raw: unknown, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(raw);
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = schema[key];
      // Alternatives, unless they only relate the properties of an object (`anyOf` of `required`s): then the object is generated and `allows` judges.
      if (Array.isArray(branches) && schema.type !== 'string' && !isSchema(schema.properties))
        return fc.oneof(...branches.map((branch) => this.value(branch, depth + 1)));
    }
    switch (schema.type) {
      case 'integer':
        return fc.integer({ min: (schema.minimum as number | undefined) ?? -1000, max: (schema.maximum as number | undefined) ?? 1000 });
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'string':
        return this.string(schema);
      case 'array': {
        const maxLength = Math.min((schema.maxItems as number | undefined) ?? 3, 3);
        return fc.array(this.value(schema.items, depth + 1), { minLength: (schema.minItems as number | undefined) ?? 0, maxLength });
      }
      default:
        return this.object(schema, depth);
    }
  }

  private string(schema: Schema): fc.Arbitrary<string> {
    const minLength = (schema.minLength as number | undefined) ?? 0;
    const maxLength = (schema.maxLength as number | undefined) ?? 64;
    const fits = (text: string) => text.length >= minLength && text.length <= maxLength;
    const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
    if (branches) return fc.oneof(...branches.map((branch) => this.string({ ...branch, type: 'string', minLength, maxLength })));
    if (schema.format === 'ipv4') return fc.ipV4();
    if (schema.format === 'ipv6') return fc.ipV6();
    const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
    // A pattern that only excludes characters: any text of the allowed length that matches it.
    if (!pattern || /^\^\[\^[^\]]*\]\*\$$/.test(schema.pattern as string)) {
      return fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, minLength + 40) }).filter((text) => !pattern || pattern.test(text));
    }
    return fc.stringMatching(pattern).filter(fits);
  }

  private object(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    if (Object.keys(properties).length === 0) {
      // Free-form (callData): a few plain keys and values.
      const key = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,11}$/);
      const leaf = fc.oneof(fc.stringMatching(/^[A-Za-z0-9 ]{0,20}$/), fc.integer(), fc.boolean(), fc.constant(null));
      return depth > 2 ? fc.constant({}) : fc.dictionary(key, leaf, { maxKeys: 4 });
    }
    const required = (schema.required ?? []) as string[];
    const model = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, this.value(property, depth + 1)]));
    return fc.record(model, { requiredKeys: required });
  }

  /**
   * The request the document's own examples make (one per variant of a `oneOf` body): each path
   * and query parameter's example, and a body of each property's example. What Swagger UI's "Try it
   * out" and a mock server send.
   */
  exampleInputs(operation: DocumentedOperation): OperationInput[] {
    const properties = operation.inputSchema.properties as Record<string, Schema>;
    const examplesOf = (schema: unknown): Record<string, unknown> =>
      Object.fromEntries(
        Object.entries((this.resolve(schema).properties ?? {}) as Record<string, Schema>)
          .map(([name, property]): [string, unknown] => [name, this.resolve(property).example])
          .filter(([, example]) => example !== undefined),
      );
    const path = examplesOf(properties.path);
    const query = examplesOf(properties.query);
    if (!properties.body) return [{ path, query }];
    const body = this.resolve(properties.body);
    const variants = Array.isArray(body.oneOf) ? (body.oneOf as unknown[]) : [body];
    return variants.map((variant) => ({ path, query, body: examplesOf(variant) }));
  }

  /** Inputs the document allows for `operation`. */
  validInput(operation: DocumentedOperation): fc.Arbitrary<OperationInput> {
    const properties = operation.inputSchema.properties as Record<string, Schema>;
    const parts: Record<string, fc.Arbitrary<unknown>> = { path: this.value(properties.path), query: this.value(properties.query) };
    if (properties.body) parts.body = this.value(properties.body);
    return fc.record(parts).filter((input) => this.allows(operation, input as unknown as OperationInput)) as unknown as fc.Arbitrary<OperationInput>;
  }

  /**
   * Inputs that break one rule of the document: a valid input with one value changed (to a string
   * that misses its pattern or length, a number out of range, another type, null), one required
   * property left out, one unknown property added, or an empty body where one property is needed.
   * The document confirms each is invalid.
   */
  invalidInput(operation: DocumentedOperation): fc.Arbitrary<OperationInput> {
    return fc
      .tuple(this.validInput(operation), fc.nat(), fc.nat())
      .map(([input, where, how]) => breakOne(this, operation, structuredClone(input), where, how))
      .filter((input): input is OperationInput => input !== undefined && !this.allows(operation, input));
  }
}

/** Values that break a string, number or enum rule somewhere; which of them do is for the document to say. */
const WRONG_STRINGS = [
  '',
  ' ',
  '!',
  'a b',
  '-',
  'abc',
  '0',
  '1,,2',
  'x'.repeat(301),
  '1969-12-31T23:59:59Z',
  '0027-12-07T00:26:13Z',
  '2025-13-01T00:00:00Z',
  'a\u0000b',
  'a\u202eb',
  '/etc',
  '+',
];
const WRONG_NUMBERS = [0, -1, 10000, 65536, 100001, 1.5];

interface Slot {
  container: Record<string, unknown>;
  key: string;
  schema: Schema;
  /** A path or query value travels as text: only strings (and numbers as text) can reach it. */
  inUrl: boolean;
}

function slotsOf(inputs: DocumentInputs, value: unknown, schema: unknown, inUrl: boolean, slots: Slot[]): void {
  const resolved = inputs.resolve(schema);
  const variants = (resolved.oneOf ?? resolved.anyOf) as Schema[] | undefined;
  if (variants && resolved.type !== 'string' && isSchema(value)) {
    const matching = variants.map((v) => inputs.resolve(v)).find((v) => isSchema(v.properties) && matchesEnum(v, value));
    if (matching) slotsOf(inputs, value, matching, inUrl, slots);
    return;
  }
  if (!isSchema(value) || !isSchema(resolved.properties)) return;
  for (const [key, property] of Object.entries(resolved.properties)) {
    if (!(key in value)) continue;
    const propertySchema = inputs.resolve(property);
    slots.push({ container: value, key, schema: propertySchema, inUrl });
    if (!inUrl && Array.isArray(value[key]) && propertySchema.items) {
      (value[key] as unknown[]).forEach((item) => slotsOf(inputs, item, propertySchema.items, false, slots));
    }
  }
}

function matchesEnum(variant: Schema, value: Schema): boolean {
  return Object.entries(variant.properties as Record<string, Schema>).every(
    ([key, property]) => !Array.isArray(property.enum) || !(key in value) || property.enum.includes(value[key]),
  );
}

/** One rule broken in `input` (chosen by `where` and `how`), or undefined when the choice does not apply. */
function breakOne(inputs: DocumentInputs, operation: DocumentedOperation, input: OperationInput, where: number, how: number): OperationInput | undefined {
  const properties = operation.inputSchema.properties as Record<string, Schema>;
  const slots: Slot[] = [];
  slotsOf(inputs, input.path, properties.path, true, slots);
  slotsOf(inputs, input.query, properties.query, true, slots);
  if (input.body !== undefined) slotsOf(inputs, input.body, properties.body, false, slots);
  const structural = ['unknown query parameter', ...(input.body !== undefined ? ['unknown body property', 'missing body property', 'empty body'] : [])];
  const choice = where % (slots.length + structural.length);
  if (choice >= slots.length) {
    const kind = structural[choice - slots.length];
    if (kind === 'unknown query parameter') input.query.unknownParameter = 'x';
    else if (kind === 'unknown body property' && isSchema(input.body)) input.body.unknownProperty = 'x';
    else if (kind === 'empty body') input.body = {};
    else if (kind === 'missing body property' && isSchema(input.body)) {
      const keys = Object.keys(input.body);
      if (keys.length === 0) return undefined;
      delete input.body[keys[how % keys.length]];
    }
    return input;
  }
  const slot = slots[choice];
  const type = slot.schema.type;
  const candidates: unknown[] =
    type === 'integer' || type === 'number'
      ? [...WRONG_NUMBERS, ...(slot.inUrl ? ['abc'] : ['12', null, true])]
      : [...WRONG_STRINGS, ...(slot.inUrl ? [] : [12, null, true, ['x']])];
  // Path segments must stay one segment the router takes: never empty, never too long for it.
  const usable = slot.container === input.path ? candidates.filter((c) => c !== '' && String(c).length <= 100 && !String(c).includes('/')) : candidates;
  slot.container[slot.key] = usable[how % usable.length];
  return input;
}

/** The request an input stands for: its URL (path template filled, query appended) and init. */
export function requestOf(operation: DocumentedOperation, input: OperationInput): { path: string; init: RequestInit } {
  const path = operation.template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(String(input.path[name])));
  const query = new URLSearchParams(Object.entries(input.query).map(([name, value]): [string, string] => [name, String(value)])).toString();
  const init: RequestInit = { method: operation.method };
  if (input.body !== undefined) {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(input.body);
  }
  return { path: path + (query ? `?${query}` : ''), init };
}
