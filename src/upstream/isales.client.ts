import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { IsalesConfig } from '../config/isales.config';
import { RequestContext } from '../common/request/request-context';
import { signC2 } from './c2-signer';
import { IsalesCredentials } from './isales-credentials.provider';
import { observeIsalesCallOf, traceIsalesAttempt } from './isales-call.telemetry';
import { ISALES_SUCCESS, outcomeOf } from './isales-error-tables';
import {
  IsalesBadResponseError,
  IsalesBusinessError,
  IsalesHttpError,
  IsalesTimeoutError,
  IsalesUnreachableError,
} from './isales.errors';
import { IsalesOperation } from './isales-operation';
import { AttemptContext, IsalesPolicies } from './isales-policies';
import { IsalesTransport, TransportFailure, TransportRequest, TransportResponse } from './isales-transport';
import {
  AppointmentQuery,
  BusinessResultQuery,
  FileServerQuery,
  ImportTaskQuery,
  IsalesAddServerAnswer,
  IsalesAppointment,
  IsalesAppointmentChange,
  IsalesAppointmentCreated,
  IsalesAppointmentInput,
  IsalesAppointmentResult,
  IsalesBusinessResult,
  IsalesBusinessResultDefinition,
  IsalesFileServer,
  IsalesImportTask,
  IsalesPage,
  IsalesServerInput,
} from './isales.types';

type Json = Record<string, unknown>;

/** Path parameters of an operation whose path holds an id, e.g. `file/{serverId}/updateServer`. */
type PathParams = Readonly<Record<string, string>>;

interface OperationSpec {
  method: 'GET' | 'POST';
  /** Relative to `/rest/isales/v1/openapi/campaigns/{vdnId}/`; a function when the path holds an id. */
  resource: string | ((params: PathParams) => string);
  /** Reads only: where the answer keeps the list and the total. */
  listField?: string;
  countField?: string;
  /**
   * Safe to send twice: retried after any upstream failure and shared by identical concurrent calls.
   * False for writes: once a write may have reached iSales, repeating it could do it twice, so it is
   * retried only when the connection was refused, and never shared.
   */
  idempotent: boolean;
}

const serverPath = (action: string) => (params: PathParams) => `file/${encodeURIComponent(params.serverId)}/${action}`;

/** Where each operation lives and where its answer keeps the list and the total (docs/isales/operations.md). */
const OPERATIONS: Readonly<Record<IsalesOperation, OperationSpec>> = {
  queryDataImportTask: { method: 'POST', resource: 'blackfile/queryDataImportTask', listField: 'result', countField: 'count', idempotent: true },
  queryServer: { method: 'POST', resource: 'file/queryServer', listField: 'server', countField: 'count', idempotent: true },
  queryBusinessResults: { method: 'GET', resource: 'queryBusinessResults', listField: 'data', countField: 'totalCount', idempotent: true },
  appointList: { method: 'POST', resource: 'appoint/list', listField: 'data', countField: 'totalCount', idempotent: true },
  // The writes (docs/isales/write-api-notes.md): every one is a POST, whatever it does.
  addServer: { method: 'POST', resource: 'file/addServer', idempotent: false },
  updateServer: { method: 'POST', resource: serverPath('updateServer'), idempotent: false },
  deleteServer: { method: 'POST', resource: serverPath('deleteServer'), idempotent: false },
  appointCreate: { method: 'POST', resource: 'appoint/create', idempotent: false },
  appointUpdate: { method: 'POST', resource: 'appoint/update', idempotent: false },
  appointUpdateResult: { method: 'POST', resource: 'appoint/updateResult', idempotent: false },
  appointDelete: { method: 'POST', resource: 'appoint/delete', idempotent: false },
  addBusinessResult: { method: 'POST', resource: 'addBusinessResult', idempotent: false },
};

interface UpstreamCall {
  operation: IsalesOperation;
  vdnId: number;
  params?: PathParams;
  query?: Record<string, string>;
  body?: object;
}

/**
 * The only code that speaks iSales: builds the URL, serialises the body once, signs exactly those
 * bytes and the Host it sends, reads the envelope, and turns every outcome into a page or a typed
 * IsalesError. Every call runs through the resilience policies, and each attempt is signed afresh.
 */
@Injectable()
export class IsalesClient {
  private readonly logger = new Logger(IsalesClient.name);
  private readonly config: IsalesConfig;
  private readonly host: string;
  private readonly basePath: string;

  constructor(
    @Inject(APP_CONFIG) appConfig: AppConfig,
    private readonly transport: IsalesTransport,
    private readonly credentials: IsalesCredentials,
    private readonly policies: IsalesPolicies,
  ) {
    this.config = appConfig.isales;
    // URL.host omits the port when it is the scheme's default, which is what Host must say.
    this.host = this.config.baseUrl.host;
    this.basePath = this.config.baseUrl.pathname.replace(/\/+$/, '');
  }

  listImportTasks(vdnId: number, query: ImportTaskQuery): Promise<IsalesPage<IsalesImportTask>> {
    return this.list({ operation: 'queryDataImportTask', vdnId, body: query });
  }

  listFileServers(vdnId: number, query: FileServerQuery): Promise<IsalesPage<IsalesFileServer>> {
    return this.list({ operation: 'queryServer', vdnId, body: query });
  }

  listBusinessResults(vdnId: number, query: BusinessResultQuery): Promise<IsalesPage<IsalesBusinessResult>> {
    const params = { pageSize: String(query.pageSize), pageNum: String(query.pageNum) };
    return this.list({ operation: 'queryBusinessResults', vdnId, query: params });
  }

  listAppointments(vdnId: number, query: AppointmentQuery): Promise<IsalesPage<IsalesAppointment>> {
    return this.list({ operation: 'appointList', vdnId, body: query });
  }

  /** The new server's id. */
  async addServer(vdnId: number, server: IsalesServerInput): Promise<string> {
    const answer: IsalesAddServerAnswer = await this.call({ operation: 'addServer', vdnId, body: server });
    return createdId('addServer', answer.serverId);
  }

  async updateServer(vdnId: number, serverId: string, server: IsalesServerInput): Promise<void> {
    await this.call({ operation: 'updateServer', vdnId, params: { serverId }, body: server });
  }

  /** The page documents no body (docs/isales/write-api-notes.md section 3); `{}` suits a JSON endpoint either way. */
  async deleteServer(vdnId: number, serverId: string): Promise<void> {
    await this.call({ operation: 'deleteServer', vdnId, params: { serverId }, body: {} });
  }

  /** The new reservation's id. */
  async createAppointment(vdnId: number, appointment: IsalesAppointmentInput): Promise<string> {
    const answer: IsalesAppointmentCreated = await this.call({ operation: 'appointCreate', vdnId, body: appointment });
    return createdId('appointCreate', answer.returnObject?.appointId ?? answer.returnObject?.id);
  }

  async updateAppointment(vdnId: number, change: IsalesAppointmentChange): Promise<void> {
    await this.call({ operation: 'appointUpdate', vdnId, body: change });
  }

  async updateAppointmentResult(vdnId: number, result: IsalesAppointmentResult): Promise<void> {
    await this.call({ operation: 'appointUpdateResult', vdnId, body: result });
  }

  async deleteAppointment(vdnId: number, appointId: string): Promise<void> {
    await this.call({ operation: 'appointDelete', vdnId, body: { appointId } });
  }

  async addBusinessResult(vdnId: number, definition: IsalesBusinessResultDefinition): Promise<void> {
    await this.call({ operation: 'addBusinessResult', vdnId, body: definition });
  }

  private async list<T>(call: UpstreamCall): Promise<IsalesPage<T>> {
    const { listField, countField } = OPERATIONS[call.operation];
    if (listField === undefined || countField === undefined) throw new Error(`${call.operation} is not a list operation`);
    const payload = await this.call(call);
    const items = payload[listField] ?? [];
    if (!Array.isArray(items)) {
      throw new IsalesBadResponseError(call.operation, `iSales sent "${listField}" that is not a list`);
    }
    return { items: items as T[], total: toCount(payload[countField]) };
  }

  private call(call: UpstreamCall): Promise<Json> {
    const { idempotent } = OPERATIONS[call.operation];
    // A VDN no pair covers is refused before it takes a place in the bulkhead or counts for the breaker.
    this.credentials.forVdn(call.vdnId);
    // Serialised once: these exact bytes are signed and sent, by every attempt.
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const coalesceKey = `${call.vdnId}\n${call.query ? new URLSearchParams(call.query).toString() : ''}\n${body ?? ''}`;
    // Observed as its caller sees it: retries, waits and the policies' own refusals included.
    return observeIsalesCallOf(call.operation, () =>
      this.policies.execute({ operation: call.operation, idempotent, coalesceKey }, (attempt) => this.attempt(call, body, attempt)),
    );
  }

  /** One signed request on the wire, traced as one client span. */
  private attempt(call: UpstreamCall, body: string | undefined, { signal, timeoutMs }: AttemptContext): Promise<Json> {
    const { method, url, headers } = this.signedRequest(call, body);
    return traceIsalesAttempt(call.operation, call.vdnId, headers, () => this.exchange(call, { method, url, headers, body, timeoutMs, signal }));
  }

  private async exchange(call: UpstreamCall, request: TransportRequest): Promise<Json> {
    const started = performance.now();
    let response: TransportResponse;
    try {
      response = await this.transport.send(request);
    } catch (error) {
      const failure = error instanceof TransportFailure ? error : new TransportFailure('connection', 'unexpected transport error');
      this.logger.warn({ operation: call.operation, vdnId: call.vdnId, failure: failure.kind, reason: failure.reason }, 'iSales call failed');
      if (failure.kind === 'timeout') throw new IsalesTimeoutError(call.operation, request.timeoutMs);
      throw new IsalesUnreachableError(call.operation, failure.reason, failure.kind === 'refused');
    }
    const ms = Math.round(performance.now() - started);
    this.logger.debug({ operation: call.operation, vdnId: call.vdnId, status: response.status, ms }, 'iSales call');
    return this.parse(call.operation, response);
  }

  /** Builds and signs one attempt's request: a fresh timestamp each time. */
  private signedRequest(call: UpstreamCall, body: string | undefined): Pick<TransportRequest, 'method' | 'url' | 'headers'> {
    const { method, resource } = OPERATIONS[call.operation];
    const relative = typeof resource === 'function' ? resource(call.params ?? {}) : resource;
    const path = `${this.basePath}/rest/isales/v1/openapi/campaigns/${call.vdnId}/${relative}`;
    const url = new URL(path, this.config.baseUrl);
    if (call.query) for (const [k, v] of Object.entries(call.query)) url.searchParams.append(k, v);
    // The pair is looked up at each signing: a rotated file applies to the next attempt.
    const signature = signC2(
      { method, path, query: call.query, headers: { host: this.host }, body },
      this.credentials.forVdn(call.vdnId),
      new Date(),
    );
    const headers: Record<string, string> = {
      Host: this.host,
      'Content-Type': 'application/json; charset=UTF-8',
      Accept: 'application/json',
      Authorization: signature.authorization,
    };
    const requestId = RequestContext.requestId();
    if (requestId) headers['X-Request-Id'] = requestId;
    return { method, url, headers };
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
    const description =
      stringOrUndefined(envelope.resultDesc) ?? stringOrUndefined(envelope.returnDesc) ?? stringOrUndefined(envelope.description) ?? '';
    throw new IsalesBusinessError(operation, code, description, outcomeOf(operation, code));
  }
}

/** A create's answer without the new id: the write happened, but the caller cannot be told what it made. */
function createdId(operation: IsalesOperation, value: unknown): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new IsalesBadResponseError(operation, 'iSales answered success but sent no id for what it created');
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function toCount(value: unknown): number | null {
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
