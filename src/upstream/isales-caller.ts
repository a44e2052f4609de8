import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/configuration';
import { RequestContext } from '../common/request/request-context';
import { C2Credentials, signC2 } from './c2-signer';
import { IsalesCredentials } from './isales-credentials.provider';
import { observeIsalesCallOf, traceIsalesAttempt } from './isales-call.telemetry';
import { ISALES_SUCCESS } from './error-codes';
import { ISALES, ISALES_OPERATIONS, IsalesMethod, IsalesOperation, namedParamOf, OperationDeclaration, outcomeOf } from './operations.catalogue';
import { IsalesBadResponseError, IsalesBusinessError, IsalesHttpError, IsalesTimeoutError, IsalesUnreachableError } from './isales.errors';
import { AttemptContext, IsalesPolicies, OperationChain } from './isales-policies';
import { IsalesTransport, TransportFailure, TransportRequest, TransportResponse } from './isales-transport';
import { IsalesPage } from './isales.types';

export type Json = Record<string, unknown>;

/** Path parameters of an operation whose path holds an id, e.g. `file/{serverId}/updateServer`. */
type PathParams = Readonly<Record<string, string>>;

const NO_PARAMS: PathParams = {};
const CAMPAIGNS = '/rest/isales/v1/openapi/campaigns/';

/** An operation of the catalogue as the client calls it: everything that does not depend on the call, computed once. */
interface CompiledOperation {
  declaration: OperationDeclaration;
  chain: OperationChain;
  idempotent: boolean;
  /** The path after `{vdnId}`, its parameters filled in (encoded). */
  relativePath: (params: PathParams) => string;
}

/**
 * `file/{serverId}/updateServer` as a function of its parameters (with the `/` after `{vdnId}`); a
 * constant when it has none, and nothing at all for the campaign list, which is `{vdnId}` itself.
 */
function compilePath(template: string): (params: PathParams) => string {
  if (template === '') return () => '';
  const parts = ('/' + template).split(/\{(\w+)\}/);
  if (parts.length === 1) return () => '/' + template;
  return (params) => parts.map((part, i) => (i % 2 === 0 ? part : encodeURIComponent(params[part] ?? ''))).join('');
}

export interface UpstreamCall {
  operation: IsalesOperation;
  vdnId: number;
  params?: PathParams;
  query?: Record<string, string>;
  body?: object;
}

/**
 * How any operation reaches iSales: builds the path, serialises the body once, signs exactly those
 * bytes and the Host it sends, reads the envelope, and turns every outcome into a payload or a typed
 * IsalesError. Each operation is compiled from its declaration (operations.catalogue.ts) once, with
 * its policy chain; every attempt is signed afresh.
 */
export class IsalesCaller {
  private readonly logger = new Logger('IsalesClient');
  private readonly host: string;
  private readonly origin: string;
  /** `<base path>/rest/isales/v1/openapi/campaigns/`: the base URL taken apart once, not per attempt. */
  private readonly campaignsPath: string;
  private readonly operations: Readonly<Record<IsalesOperation, CompiledOperation>>;

  constructor(
    appConfig: AppConfig,
    private readonly transport: IsalesTransport,
    private readonly credentials: IsalesCredentials,
    policies: IsalesPolicies,
  ) {
    const baseUrl = appConfig.isales.baseUrl;
    // URL.host omits the port when it is the scheme's default, which is what Host must say.
    this.host = baseUrl.host;
    this.origin = baseUrl.origin;
    this.campaignsPath = baseUrl.pathname.replace(/\/+$/, '') + CAMPAIGNS;
    this.operations = Object.fromEntries(
      ISALES_OPERATIONS.map((name) => {
        const declaration = ISALES[name];
        const compiled: CompiledOperation = {
          declaration,
          chain: policies.chain(name),
          idempotent: declaration.kind === 'read',
          relativePath: compilePath(declaration.path),
        };
        return [name, compiled];
      }),
    ) as Record<IsalesOperation, CompiledOperation>;
  }

  async record<T>(call: UpstreamCall): Promise<T | null> {
    const { recordField } = this.operations[call.operation].declaration;
    if (recordField === undefined) throw new Error(`${call.operation} is not a single-record read`);
    const payload = await this.call(call);
    const record = payload[recordField];
    if (record === undefined || record === null || (typeof record === 'object' && !Array.isArray(record) && Object.keys(record).length === 0)) return null;
    if (typeof record !== 'object' || Array.isArray(record)) {
      throw new IsalesBadResponseError(call.operation, `iSales sent "${recordField}" that is not an object`);
    }
    return record as T;
  }

  async list<T>(call: UpstreamCall): Promise<IsalesPage<T>> {
    const { listField, countField } = this.operations[call.operation].declaration;
    if (listField === undefined || countField === undefined) throw new Error(`${call.operation} is not a list operation`);
    const payload = await this.call(call);
    const items = payload[listField] ?? [];
    if (!Array.isArray(items)) {
      throw new IsalesBadResponseError(call.operation, `iSales sent "${listField}" that is not a list`);
    }
    return { items: items as T[], total: toCount(payload[countField]) };
  }

  call(call: UpstreamCall): Promise<Json> {
    const operation = this.operations[call.operation];
    // A VDN no pair covers is refused before it takes a place in a bulkhead or counts for a breaker;
    // the pair found signs the first attempt, so one attempt looks its credentials up once.
    let pair: C2Credentials | undefined = this.credentials.forVdn(call.vdnId);
    // Serialised once: these exact bytes are signed and sent, by every attempt.
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const search = call.query ? new URLSearchParams(call.query).toString() : '';
    const path = this.campaignsPath + call.vdnId + operation.relativePath(call.params ?? NO_PARAMS);
    // The path carries the VDN and the operation's own parameters (a callId, a campaignId): reads of two records never share an answer.
    const coalesceKey = operation.idempotent ? `${path}\n${search}\n${body ?? ''}` : undefined;
    const spec = { operation: call.operation, vdnId: call.vdnId, idempotent: operation.idempotent, coalesceKey };
    // Observed as its caller sees it: retries, waits and the policies' own refusals included.
    return observeIsalesCallOf(call.operation, () =>
      operation.chain.execute(spec, (attempt) => {
        // Looked up again for a retry: a rotated file applies to the next attempt.
        const credentials = pair ?? this.credentials.forVdn(call.vdnId);
        pair = undefined;
        return this.attempt(call, operation.declaration.method, path, search, body, credentials, attempt);
      }),
    );
  }

  /** One signed request on the wire (a fresh timestamp each time), traced as one client span. */
  private attempt(
    call: UpstreamCall,
    method: IsalesMethod,
    path: string,
    search: string,
    body: string | undefined,
    credentials: C2Credentials,
    { timeoutMs, reportedMs }: AttemptContext,
  ): Promise<Json> {
    const signature = signC2({ method, path, query: call.query, headers: { host: this.host }, body }, credentials, new Date());
    const headers: Record<string, string> = {
      Host: this.host,
      'Content-Type': 'application/json; charset=UTF-8',
      Accept: 'application/json',
      Authorization: signature.authorization,
    };
    const requestId = RequestContext.requestId();
    if (requestId) headers['X-Request-Id'] = requestId;
    const request: TransportRequest = { method, origin: this.origin, path: search ? `${path}?${search}` : path, headers, body, timeoutMs };
    return traceIsalesAttempt(call.operation, call.vdnId, headers, () => this.exchange(call, request, reportedMs));
  }

  private async exchange(call: UpstreamCall, request: TransportRequest, reportedMs: number): Promise<Json> {
    let response: TransportResponse;
    try {
      response = await this.transport.send(request);
    } catch (error) {
      const failure = error instanceof TransportFailure ? error : new TransportFailure('connection', 'unexpected transport error');
      this.logger.warn({ operation: call.operation, vdnId: call.vdnId, failure: failure.kind, reason: failure.reason }, 'iSales call failed');
      if (failure.kind === 'timeout') throw new IsalesTimeoutError(call.operation, reportedMs);
      throw new IsalesUnreachableError(call.operation, failure.reason, failure.kind === 'refused');
    }
    return this.parse(call.operation, response);
  }

  private parse(operation: IsalesOperation, response: TransportResponse): Json {
    if (response.status !== 200) {
      throw new IsalesHttpError(operation, response.status, retryAfterSeconds(response.retryAfter));
    }
    let payload: unknown;
    try {
      payload = JSON.parse(response.body);
    } catch {
      throw new IsalesBadResponseError(operation, 'iSales sent a body that is not JSON');
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      throw new IsalesBadResponseError(operation, 'iSales sent a body that is not the documented envelope');
    }
    const envelope = payload as Json;
    // returnCode is a legacy duplicate; some pages send only one of the two (docs/isales/api-notes.md section 3).
    const code = stringOrUndefined(envelope.resultCode) ?? stringOrUndefined(envelope.returnCode);
    if (code === undefined) throw new IsalesBadResponseError(operation, 'iSales sent no resultCode');
    if (code === ISALES_SUCCESS) return envelope;
    // addServer's one error example carries `description` instead (docs/isales/write-api-notes.md section 1).
    const description = stringOrUndefined(envelope.resultDesc) ?? stringOrUndefined(envelope.returnDesc) ?? stringOrUndefined(envelope.description) ?? '';
    throw new IsalesBusinessError(operation, code, description, outcomeOf(operation, code), namedParamOf(operation, code));
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function toCount(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return null;
}

function retryAfterSeconds(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
