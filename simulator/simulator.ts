import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseC2Authorization } from '../src/upstream/c2-signer';
import { Keyring, type SimulatorCredential } from './keyring';
import { CONTROL_PREFIX, handleControl } from './control';
import { CallbackPusher, DEFAULT_CALLBACK_SETTINGS } from './callbacks';
import { DatasetStore } from './data/dataset-store';
import { seededRandom, thirtyDigitId } from './data/prng';
import { failureBody, type EnvelopeMode, type ResponseBody } from './envelope';
import { faultAction } from './fault-response';
import { FaultStore, isFaultTarget, parseFault } from './faults';
import type { OperationSettings } from './handlers/operation';
import { BodyTooLargeError, readBody, sendJson, sendText } from './http-io';
import { redactHeaders, RequestLog } from './request-log';
import { ISALES_PREFIX, matchRoute } from './routes';
import type { FaultTarget, Simulator, SimulatorOptions, SimulatorRequestLog } from './types';
import { parseVdnId, ValidationFailure } from './validation';

export type { Fault, FaultTarget, OperationName, Simulator, SimulatorOptions, SimulatorRequestLog } from './types';
export { OPERATION_NAMES } from './types';
export type { PublicCredential, SimulatorCredential } from './keyring';

export const DEFAULT_AK = 'simulator-ak';
export const DEFAULT_SK = 'simulator-sk-change-me';
export const DEFAULT_CLOCK_SKEW_SECONDS = 900;
export const DEFAULT_GENERATED_SIZE = 250;
export const DEFAULT_BUSINESS_RESULT_PARENTS = 120;
export const DEFAULT_EMPTY_VDNS: readonly number[] = [9999];
export const DEFAULT_MAX_IDS = 100;

const MAX_BODY_BYTES = 1024 * 1024;
/** The 401 body is undocumented (docs/isales/api-notes.md §5.1); a minimal JSON body. */
const UNAUTHORIZED_BODY = { resultCode: '401', resultDesc: 'Unauthorized' };

function requireInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`simulator option ${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

function tryParseVdnId(segment: string): number | null {
  try {
    return parseVdnId(segment);
  } catch {
    return null;
  }
}

function splitUrl(rawUrl: string): { rawPath: string; rawQuery: string } {
  const mark = rawUrl.indexOf('?');
  return mark < 0 ? { rawPath: rawUrl, rawQuery: '' } : { rawPath: rawUrl.slice(0, mark), rawQuery: rawUrl.slice(mark + 1) };
}

/** `credentials`, or the one pair `ak`/`sk` (defaults included) holding every VDN; not both. */
function initialCredentials(options: SimulatorOptions): SimulatorCredential[] {
  if (options.credentials === undefined) return [{ ak: options.ak ?? DEFAULT_AK, sk: options.sk ?? DEFAULT_SK, vdns: '*' }];
  if (options.ak !== undefined || options.sk !== undefined) throw new RangeError('simulator options: give either ak/sk or credentials');
  return options.credentials;
}

/** A simulator listening on an ephemeral port of 127.0.0.1: what every test that needs iSales starts. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const simulator = createSimulator(options);
  await simulator.listen(0);
  return simulator;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const initial = initialCredentials(options);
  let keyring: Keyring;
  try {
    keyring = new Keyring(initial);
  } catch (error) {
    throw new RangeError(`simulator option credentials ${(error as Error).message}`, { cause: error });
  }
  const clockSkewSeconds = requireInt('clockSkewSeconds', options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS, 0, 10 * 365 * 86_400);
  const now = options.now ?? (() => new Date());
  const envelopeMode: EnvelopeMode = { dropReturnCode: options.dropReturnCode ?? false };
  const operationSettings: OperationSettings = {
    maxIds: requireInt('maxIds', options.maxIds ?? DEFAULT_MAX_IDS, 1, 100_000),
    dropCount: options.dropCount ?? false,
    envelope: envelopeMode,
    appointCreateIdField: options.appointCreateIdField ?? 'appointId',
  };
  const datasets = new DatasetStore({
    generatedSize: requireInt('generatedSize', options.generatedSize ?? DEFAULT_GENERATED_SIZE, 0, 999_999),
    businessResultParents: requireInt('businessResultParents', options.businessResultParents ?? DEFAULT_BUSINESS_RESULT_PARENTS, 0, 999_999),
    emptyVdns: [...(options.emptyVdns ?? DEFAULT_EMPTY_VDNS)],
  });
  const faults = new FaultStore();
  for (const [target, fault] of Object.entries(options.faults ?? {})) {
    if (!isFaultTarget(target)) throw new RangeError(`simulator option faults: unknown operation ${target}`);
    if (fault) faults.set(target, parseFault(fault));
  }
  const log = new RequestLog();
  let created = 0;
  /** Ids of created records: shaped like iSales ids, the creation time first, unique in this simulator. */
  function newId(vdnId: number): string {
    created += 1;
    return thirtyDigitId(now().getTime(), vdnId, created % 1_000_000, seededRandom(vdnId, 'created', created));
  }

  const sockets = new Set<Socket>();
  const pendingWaits = new Set<() => void>();
  let boundUrl: string | null = null;

  /** Resolves true after `ms`, or false at once if the simulator closes first. */
  function wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const cancel = () => {
        clearTimeout(timer);
        pendingWaits.delete(cancel);
        resolve(false);
      };
      const timer = setTimeout(() => {
        pendingWaits.delete(cancel);
        resolve(true);
      }, ms);
      pendingWaits.add(cancel);
    });
  }

  const callbacks = new CallbackPusher(DEFAULT_CALLBACK_SETTINGS, wait, now, (call) =>
    datasets.get(call.vdnId).callResults.push({
      callId: call.callId,
      called: call.called,
      callStatus: call.callStatus,
      failCode: call.failCode,
      resultCode: call.callStatus === 6 ? 'OB00000' : 'OB99999',
      vdnId: call.vdnId,
      ackBeginTime: call.callTimeStr,
      callBeginTime: call.callTimeStr,
      callEndTime: call.callTimeStr,
      recordPath: call.recordPath,
    }),
  );
  if (options.callbacks) callbacks.configure(options.callbacks);

  async function handleIsales(request: IncomingMessage, response: ServerResponse, rawPath: string, rawQuery: string) {
    const method = request.method ?? 'GET';
    let body: string;
    try {
      body = await readBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(response, 413, { resultCode: '413', resultDesc: error.message });
      throw error;
    }
    const route = matchRoute(rawPath, method);
    const vdnId = route ? tryParseVdnId(route.vdnSegment) : null;
    const entry: SimulatorRequestLog = log.add({
      at: now().toISOString(),
      method,
      path: rawPath,
      query: Object.fromEntries(new URLSearchParams(rawQuery)),
      body,
      operation: route?.operation.name ?? null,
      vdnId,
      ak: parseC2Authorization(request.headers.authorization)?.ak ?? null,
      authorized: false,
      authError: null,
      status: 0,
      resultCode: null,
      headers: redactHeaders(request.headers),
    });
    const finish = (status: number, resultCode: string | null) => {
      entry.status = status;
      entry.resultCode = resultCode;
      options.onRequest?.(entry);
    };
    const reply = (status: number, payload: ResponseBody, headers?: Record<string, string>) => {
      sendJson(response, status, payload, headers);
      finish(status, typeof payload.resultCode === 'string' ? payload.resultCode : null);
    };

    // Order: auth -> (route, method) -> fault -> validation -> handler. Nothing unauthenticated goes further.
    const auth = keyring.verify({ method, rawPath, rawQuery, headers: request.headers, body }, vdnId, now(), clockSkewSeconds);
    if (!auth.ok) {
      entry.authError = auth.reason;
      return reply(401, UNAUTHORIZED_BODY);
    }
    entry.authorized = true;
    if (!route) return reply(404, { resultCode: '404', resultDesc: 'Not Found' });
    if (method !== route.operation.method) {
      return reply(405, { resultCode: '405', resultDesc: 'Method Not Allowed' }, { allow: route.operation.method });
    }

    const fault = faults.take(route.operation.name, vdnId);
    if (fault) {
      if (fault.latencyMs && !(await wait(fault.latencyMs))) return finish(0, null);
      if (response.destroyed) return finish(0, null);
      const action = faultAction(fault, envelopeMode);
      if (action.kind === 'drop') {
        request.socket.destroy();
        return finish(0, null);
      }
      if (action.kind === 'hang') return finish(0, null); // the socket stays open until the client or close() ends it
      if (action.kind === 'reply') {
        sendText(response, action.status, action.body, action.contentType);
        return finish(action.status, action.resultCode);
      }
    }

    let answer: ResponseBody;
    try {
      // Parsed again for its ValidationFailure: an invalid VDN is iSales' 0200001, not a 401.
      const vdn = parseVdnId(route.vdnSegment);
      answer = route.operation.handle({
        body,
        query: new URLSearchParams(rawQuery),
        params: route.params,
        vdnId: vdn,
        dataset: datasets.get(vdn),
        settings: operationSettings,
        now: now(),
        newId: () => newId(vdn),
      });
    } catch (error) {
      if (!(error instanceof ValidationFailure)) throw error;
      answer = failureBody(error.code, error.resultDesc, envelopeMode);
    }
    reply(200, answer);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { rawPath, rawQuery } = splitUrl(request.url ?? '/');
    if (rawPath === CONTROL_PREFIX || rawPath.startsWith(`${CONTROL_PREFIX}/`)) {
      return handleControl(request, response, rawPath, { faults, log, keyring, callbacks });
    }
    if (!rawPath.startsWith(ISALES_PREFIX)) return sendJson(response, 404, { resultCode: '404', resultDesc: 'Not Found' });
    return handleIsales(request, response, rawPath, rawQuery);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else sendJson(response, 500, { resultCode: '500', resultDesc: `Simulator error: ${String(error)}` });
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    listen(port = 0, host = '127.0.0.1') {
      return new Promise<number>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const bound = (server.address() as AddressInfo).port;
          const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
          boundUrl = `http://${urlHost}:${bound}`;
          resolve(bound);
        });
      });
    },
    close() {
      for (const cancel of [...pendingWaits]) cancel();
      return new Promise<void>((resolve) => {
        if (!server.listening) {
          for (const socket of sockets) socket.destroy();
          return resolve();
        }
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        boundUrl = null;
      });
    },
    get url() {
      if (!boundUrl) throw new Error('the simulator is not listening');
      return boundUrl;
    },
    get requests() {
      return log.snapshot();
    },
    clearRequests: () => log.clear(),
    setFault(operation: FaultTarget, fault) {
      if (!isFaultTarget(operation)) throw new RangeError(`unknown operation ${String(operation)}`);
      faults.set(operation, fault === null ? null : parseFault(fault));
    },
    clearFaults: () => faults.clear(),
    setCredentials(pairs) {
      keyring.replace(pairs);
    },
    get credentials() {
      return keyring.list();
    },
    callbacks,
  };
}
