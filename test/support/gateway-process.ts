import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './redis-server';

/** The built gateway, as the container runs it (with the Swagger CLI plugin's metadata, unlike the in-process app). */
export const GATEWAY_MAIN = resolve(__dirname, '../../dist/main.js');

export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts dist/main.js on a free loopback port with only `env` (and PATH), and waits until it is ready or has exited. */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [GATEWAY_MAIN], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
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
  return { child, url, output: () => output };
}
