import type { IncomingMessage, ServerResponse } from 'node:http';
import { isFaultTarget, parseFault, type FaultStore } from './faults';
import { readBody, sendJson } from './http-io';
import type { Keyring } from './keyring';
import type { RequestLog } from './request-log';

/** Unsigned test-tool endpoints; never logged in the request log. */
export const CONTROL_PREFIX = '/__simulator';

export interface ControlDeps {
  faults: FaultStore;
  log: RequestLog;
  keyring: Keyring;
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
