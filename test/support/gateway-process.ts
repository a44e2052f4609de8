import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { AUTH_SETTINGS, callGateway, TEST_AUTH_ENV } from './harness';
import { freePort } from './redis-server';
import { eventually } from './eventually';

/** The built gateway (dist/main.js), as the container runs it. */
export const GATEWAY_MAIN = resolve(__dirname, '../../dist/main.js');

/** How long a gateway process may take to become ready; tests that start one allow for it. */
export const STARTUP_BUDGET_MS = 30000;
/** A test timeout for tests that start a gateway process and then do a few seconds of work. */
export const PROCESS_TEST_TIMEOUT_MS = STARTUP_BUDGET_MS + 30000;

export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Only its stdout: the log stream. */
  stdout(): string;
  /** Calls the gateway as the default test principal (unless `init` says otherwise, see withTestCredentials). */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * Starts `node [nodeArgs] dist/main.js` with `env` (plus PATH, a free PORT, LOG_LEVEL info,
 * METRICS_PORT 0 and, unless `env` chooses its own access control, the default test principal) and
 * waits until it is ready (or exited).
 */
export async function startGatewayProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<GatewayProcess> {
  const port = await freePort();
  let output = '';
  let stdout = '';
  const auth = AUTH_SETTINGS.some((name) => name in env) ? {} : TEST_AUTH_ENV;
  const child = spawn(process.execPath, [...nodeArgs, GATEWAY_MAIN], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', METRICS_PORT: '0', ...auth, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded 2-core machine loading the modules alone can take ten seconds.
  const ready = async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200;
  await eventually('the gateway process to be ready (or to exit)', async () => child.exitCode !== null || (await ready()), STARTUP_BUDGET_MS, 100).catch(
    () => undefined,
  );
  return {
    child,
    url,
    output: () => output,
    stdout: () => stdout,
    request: (path, init) => callGateway(url, path, init),
  };
}

/** Runs the built gateway with only `env` (and PATH) until it exits; everything it printed, stdout and stderr. */
export async function runGatewayUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [GATEWAY_MAIN], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}
