import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { toJsonSchema } from './openapi-schema';

/**
 * Refusals of the HTTP edge (docs/design.md section 8: a body, URL or headers too large, a body of the wrong
 * type), answered before any route runs: not repeated on every operation, but problem details all the same.
 */
const EDGE_STATUSES = new Set(['413', '414', '415', '431']);
const EDGE_PROBLEM: Record<string, { schema?: unknown }> = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } };

export interface ResponseObject {
  description?: string;
  content?: Record<string, { schema?: unknown; example?: unknown }>;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Record<string, unknown>; example?: unknown }>;
  responses: Record<string, ResponseObject>;
}

export interface SecurityScheme {
  type: string;
  name?: string;
  in?: string;
  scheme?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, SecurityScheme> };
}

/** What the client saw: enough to tell whether the document describes it. */
export interface ObservedResponse {
  method: string;
  /** An absolute URL or a path, with or without a query. */
  url: string;
  status: number;
  contentType: string | null;
  body: string;
}

export const OPENAPI_PATH = resolve(__dirname, '../../openapi.json');
const SCHEMAS_ID = 'openapi.json';
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
// OpenAPI's own formats say how a number or string is stored, not what it may hold.
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];
const CONVERSION = { closed: true, ref: (name: string) => `${SCHEMAS_ID}#/definitions/${name}` };

interface Route {
  template: string;
  pattern: RegExp;
  literalSegments: number;
  operations: Record<string, Operation>;
}

/**
 * The responses openapi.json promises, as a checker: for a method, URL and status it finds the
 * declared response (exact status, then `4XX`, then `default`) and validates the body against its
 * media type's schema with ajv, objects closed. Routes the document does not describe (health,
 * docs, an unknown path) are not its business.
 */
export class ResponseContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(this.ajv);
    for (const format of OPENAPI_FORMATS) this.ajv.addFormat(format, true);
    const definitions = Object.fromEntries(
      Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, toJsonSchema(schema, CONVERSION)]),
    );
    this.ajv.addSchema({ $id: SCHEMAS_ID, definitions });
    this.routes = Object.entries(document.paths).map(([template, operations]) => ({
      template,
      pattern: new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map(escapeRegExp)
          .join('[^/]+')}$`,
      ),
      literalSegments: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
      operations,
    }));
  }

  static fromFile(path = OPENAPI_PATH): ResponseContract {
    return new ResponseContract(JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument);
  }

  /** The documented operation a request reaches, the most literal template first (`/cache` before `/{code}`). */
  operationFor(method: string, url: string): { template: string; operation: Operation } | undefined {
    const pathname = new URL(url, 'http://gateway.invalid').pathname;
    const verb = method.toLowerCase();
    const route = this.routes
      .filter((r) => r.pattern.test(pathname) && HTTP_METHODS.has(verb) && r.operations[verb])
      .sort((a, b) => b.literalSegments - a.literalSegments)[0];
    return route && { template: route.template, operation: route.operations[verb] };
  }

  /** Every way the response departs from the document; empty when it conforms or is not described. */
  violations(observed: ObservedResponse): string[] {
    const found = this.operationFor(observed.method, observed.url);
    if (!found) return [];
    const { template, operation } = found;
    const status = String(observed.status);
    const key = [status, `${status[0]}XX`, 'default'].find((k) => operation.responses[k]) ?? (EDGE_STATUSES.has(status) ? 'edge' : undefined);
    if (!key) return [`status ${status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`];
    if (observed.method.toUpperCase() === 'HEAD') return [];
    const declared = key === 'edge' ? EDGE_PROBLEM : (operation.responses[key].content ?? {});
    if (Object.keys(declared).length === 0) {
      return observed.body.length === 0 ? [] : [`status ${status} declares no body, got ${observed.body.length} bytes`];
    }
    const mediaType = (observed.contentType ?? '').split(';')[0].trim().toLowerCase();
    const media = declared[mediaType];
    if (!media) return [`content-type ${observed.contentType ?? '(none)'} is not declared for ${status} (declared: ${Object.keys(declared).join(', ')})`];
    // Only JSON bodies are held to a schema (an event stream's is text that does not end).
    if (media.schema === undefined || !mediaType.includes('json')) return [];
    let body: unknown;
    try {
      body = JSON.parse(observed.body);
    } catch {
      return [`the ${status} body is not JSON: ${observed.body.slice(0, 80)}`];
    }
    const validate = this.validator(`${observed.method} ${template} ${key} ${mediaType}`, media.schema);
    return validate(body) ? [] : (validate.errors ?? []).map(describe);
  }

  private validator(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema, CONVERSION) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(body)';
  const extra = error.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'` : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let shared: ResponseContract | undefined;

/** The committed openapi.json, loaded once per test file. */
export function responseContract(): ResponseContract {
  return (shared ??= ResponseContract.fromFile());
}

export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

/**
 * Fails (throws) when `response` is not what openapi.json declares for `method url` and its status.
 * Reads a clone, so the caller can still read the body.
 */
export async function assertResponseMatchesContract(method: string, url: string, response: Response): Promise<void> {
  // An event stream does not end: its status and media type are held to the document, not its body.
  const streaming = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
  const body = method.toUpperCase() === 'HEAD' || streaming ? '' : await response.clone().text();
  const observed = { method, url, status: response.status, contentType: response.headers.get('content-type'), body };
  const violations = responseContract().violations(observed);
  if (violations.length > 0) {
    const path = new URL(url, 'http://gateway.invalid').pathname;
    throw new ContractViolation(`${method.toUpperCase()} ${path} answered ${response.status} unlike openapi.json:\n  ${violations.join('\n  ')}`);
  }
}

/** A fetch for the typed client: every response is held to the contract before the test sees it. */
export async function contractCheckedFetch(request: Request): Promise<Response> {
  const method = request.method;
  const response = await fetch(request);
  await assertResponseMatchesContract(method, request.url, response);
  return response;
}
