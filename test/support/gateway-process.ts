import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './redis-server';

// The built gateway (dist/main.js, as the container runs it) as a real process.
export const MAIN = resolve(__dirname, '../../dist/main.js');

export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Only its stdout: the log stream. */
  stdout: () => string;
}

/** Starts `node [nodeArgs] dist/main.js` at LOG_LEVEL=info and waits until it is ready (or exited). */
export async function startProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<GatewayProcess> {
  const port = await freePort();
  let output = '';
  let stdout = '';
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return { child, url, output: () => output, stdout: () => stdout };
}
