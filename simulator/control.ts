import type { IncomingMessage, ServerResponse } from 'node:http';
import { isFaultTarget, parseFault, type FaultStore } from './faults';
import { readBody, sendJson } from './http-io';
import type { Keyring } from './keyring';
import type { RequestLog } from './request-log';
import type { CallbackPusher } from './callbacks';

/** Unsigned test-tool endpoints; never logged in the request log. */
export const CONTROL_PREFIX = '/__simulator';

export interface ControlDeps {
  faults: FaultStore;
  log: RequestLog;
  keyring: Keyring;
  callbacks: CallbackPusher;
}

function methodNotAllowed(response: ServerResponse, allow: string): void {
  sendJson(response, 405, { error: 'method not allowed' }, { allow });
}

async function putFault(request: IncomingMessage, response: ServerResponse, target: string, deps: ControlDeps) {
  if (!isFaultTarget(target)) {
    sendJson(response, 404, { error: `unknown operation ${target}` });
    return;
  }
  let fault;
  try {
    fault = parseFault(JSON.parse(await readBody(request, 64 * 1024)));
  } catch (error) {
    sendJson(response, 400, { error: error instanceof Error ? error.message : String(error) });
    return;
  }
  deps.faults.set(target, fault);
  sendJson(response, 200, { [target]: fault });
}

async function putCredentials(request: IncomingMessage, response: ServerResponse, deps: ControlDeps) {
  try {
    deps.keyring.replace(JSON.parse(await readBody(request, 64 * 1024)));
  } catch (error) {
    // Messages name pairs by position, never an SK; a JSON.parse message would quote the body.
    const reason = error instanceof RangeError ? error.message : 'body is not valid JSON';
    return sendJson(response, 400, { error: `credentials ${reason}` });
  }
  sendJson(response, 200, deps.keyring.list());
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  return JSON.parse(await readBody(request, 1024 * 1024)) as unknown;
}

/**
 * The callback side (simulator/callbacks.ts):
 * GET  /__simulator/callbacks/settings | PUT {maxPushes?, retryIntervalMs?, timeoutMs?}
 * GET|DELETE /__simulator/callbacks/pushes                         -> every push attempt / clear the log
 * PUT|DELETE /__simulator/callbacks/{vdnId}/{campaignId}         -> the campaign's callback URL (body {url})
 * POST /__simulator/callbacks/{vdnId}/{campaignId}/calls           -> {count, callStatus?}: calls end, each result pushed
 * POST /__simulator/callbacks/{vdnId}/{campaignId}/push            -> a JSON array pushed as it is, in one push
 * The POSTs answer 202 with the records' callIds once the pushes have started (not when they are accepted).
 */
async function handleCallbacks(request: IncomingMessage, response: ServerResponse, route: string, deps: ControlDeps): Promise<void> {
  const method = request.method ?? 'GET';
  const pusher = deps.callbacks;
  if (route === '/settings') {
    if (method === 'GET') return sendJson(response, 200, pusher.current);
    if (method !== 'PUT') return methodNotAllowed(response, 'GET, PUT');
    return sendJson(response, 200, pusher.configure((await jsonBody(request)) as object));
  }
  if (route === '/pushes') {
    if (method === 'GET') return sendJson(response, 200, pusher.pushes);
    if (method !== 'DELETE') return methodNotAllowed(response, 'GET, DELETE');
    pusher.clearPushes();
    return sendJson(response, 200, []);
  }
  const match = /^\/(\d{1,4})\/([0-9A-Za-z._-]{1,64})(\/calls|\/push)?$/.exec(route);
  if (!match) return sendJson(response, 404, { error: 'not found' });
  const vdnId = Number(match[1]);
  const campaignId = match[2];
  if (match[3] === undefined) {
    if (method === 'DELETE') {
      pusher.setUrl(vdnId, campaignId, null);
      return sendJson(response, 200, {});
    }
    if (method !== 'PUT') return methodNotAllowed(response, 'PUT, DELETE');
    const { url } = (await jsonBody(request)) as { url?: unknown };
    if (typeof url !== 'string') throw new RangeError('body must be {"url": "<callback URL>"}');
    pusher.setUrl(vdnId, campaignId, url);
    return sendJson(response, 200, { vdnId, campaignId });
  }
  if (method !== 'POST') return methodNotAllowed(response, 'POST');
  if (pusher.urlOf(vdnId, campaignId) === undefined) return sendJson(response, 409, { error: 'the campaign has no callback URL' });
  let records: unknown[];
  let onePerPush = false;
  if (match[3] === '/calls') {
    const { count = 1, callStatus = 6 } = (await jsonBody(request)) as { count?: unknown; callStatus?: unknown };
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 10000) throw new RangeError('count must be 1..10000');
    if (callStatus !== 5 && callStatus !== 6) throw new RangeError('callStatus must be 5 or 6');
    records = pusher.endedCalls(vdnId, campaignId, count as number, callStatus);
    onePerPush = true;
  } else {
    const body = await jsonBody(request);
    if (!Array.isArray(body)) throw new RangeError('body must be a JSON array of call results');
    records = body;
  }
  void pusher.push(vdnId, campaignId, records, onePerPush);
  return sendJson(response, 202, { callIds: records.map((record) => (record as { callId?: unknown }).callId ?? null) });
}

/**
 * GET  /__simulator/health                      -> {"status":"ok"}
 * GET  /__simulator/faults                      -> active faults keyed by operation
 * PUT  /__simulator/faults/{operation|*}        -> set one (body: a Fault)
 * DELETE /__simulator/faults[/{operation|*}]    -> clear all (or one)
 * GET|DELETE /__simulator/requests              -> the request log / clear it
 * GET  /__simulator/credentials                 -> accepted pairs as [{ak, vdns}] (never an SK)
 * PUT  /__simulator/credentials                 -> replace them all (body: [{ak, sk, vdns}])
 */
export async function handleControl(request: IncomingMessage, response: ServerResponse, rawPath: string, deps: ControlDeps): Promise<void> {
  const method = request.method ?? 'GET';
  const route = rawPath.slice(CONTROL_PREFIX.length);
  if (route === '/health') {
    if (method !== 'GET') return methodNotAllowed(response, 'GET');
    return sendJson(response, 200, { status: 'ok' });
  }
  if (route === '/faults') {
    if (method === 'GET') return sendJson(response, 200, deps.faults.list());
    if (method === 'DELETE') {
      deps.faults.clear();
      return sendJson(response, 200, {});
    }
    return methodNotAllowed(response, 'GET, DELETE');
  }
  if (route.startsWith('/faults/')) {
    let target: string;
    try {
      target = decodeURIComponent(route.slice('/faults/'.length));
    } catch {
      return sendJson(response, 400, { error: 'bad operation in path' });
    }
    if (method === 'PUT') return putFault(request, response, target, deps);
    if (method === 'DELETE') {
      if (!isFaultTarget(target)) return sendJson(response, 404, { error: `unknown operation ${target}` });
      deps.faults.set(target, null);
      return sendJson(response, 200, deps.faults.list());
    }
    return methodNotAllowed(response, 'PUT, DELETE');
  }
  if (route === '/credentials') {
    if (method === 'GET') return sendJson(response, 200, deps.keyring.list());
    if (method === 'PUT') return putCredentials(request, response, deps);
    return methodNotAllowed(response, 'GET, PUT');
  }
  if (route.startsWith('/callbacks/')) {
    try {
      return await handleCallbacks(request, response, route.slice('/callbacks'.length), deps);
    } catch (error) {
      return sendJson(response, 400, { error: error instanceof RangeError ? error.message : 'body is not valid JSON' });
    }
  }
  if (route === '/requests') {
    if (method === 'GET') return sendJson(response, 200, deps.log.snapshot());
    if (method === 'DELETE') {
      deps.log.clear();
      return sendJson(response, 200, []);
    }
    return methodNotAllowed(response, 'GET, DELETE');
  }
  sendJson(response, 404, { error: 'not found' });
}
