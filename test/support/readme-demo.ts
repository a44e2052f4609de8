import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eventually } from './eventually';
import { freePort } from './redis-server';

const ROOT = resolve(__dirname, '../..');
const BANNER = 'isales-gateway demo is ready';

/** The README from `heading` up to the next top-level section (`## Configuration`). */
export function readmeSection(heading: string): string {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  return readme.slice(readme.indexOf(heading), readme.indexOf('## Configuration'));
}

/** A section's first bash block, continuation lines joined: its variable assignments and its curl commands. */
export function bashCommands(section: string): { prelude: string[]; curls: string[] } {
  const start = section.indexOf('```bash') + 7;
  const lines = section
    .slice(start, section.indexOf('```', start))
    .replace(/\\\n\s*/g, ' ')
    .split('\n');
  return { prelude: lines.filter((line) => /^[A-Z_]+=/.test(line)), curls: lines.filter((line) => line.startsWith('curl ')) };
}

export interface Demo {
  /** The gateway's port (3000 in the README). */
  readonly port: number;
  /** Everything the demo printed on stdout so far. */
  readonly output: string;
  readonly banner: string;
}

/**
 * `npm run demo`'s program (built by the test run) on a free port, for the describe block it is
 * called in: started before its tests, once its banner is printed, and stopped after them. The
 * environment's AUTH_, ISALES_, REDIS_ and OTEL_ settings are left out, as on a reader's machine.
 */
export function useDemo(): Demo {
  let child: ChildProcess;
  const demo = { port: 0, output: '', banner: BANNER };
  beforeAll(async () => {
    demo.port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(demo.port), SIMULATOR_PORT: '0', METRICS_PORT: '0' };
    for (const name of Object.keys(env)) if (/^(AUTH_|ISALES_|REDIS_|OTEL_)/.test(name)) delete env[name];
    child = spawn(process.execPath, [resolve(ROOT, 'dist/simulator/simulator/demo.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => (demo.output += chunk.toString()));
    await eventually('the demo\u2019s banner (or its exit)', () => demo.output.includes(BANNER) || child.exitCode !== null, 60_000, 100);
    expect(demo.output).toContain(BANNER);
  }, 90_000);
  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  });
  return demo;
}
