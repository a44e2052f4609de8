/**
 * The README's campaign and do-not-call examples, run as a reader runs them: `npm run demo`'s program (built by the
 * test run), then the section's commands in bash with curl, verbatim but for the demo's port (a free one here, 3000 in
 * the README). No key is added: the commands send the one they name. Run twice, they answer the same: what they block
 * they unblock, what they pause they resume.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eventually } from './support/eventually';
import { freePort } from './support/redis-server';

const ROOT = resolve(__dirname, '..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Campaigns and do-not-call numbers'), readme.indexOf('## Configuration'));
const BANNER = 'isales-gateway demo is ready';

/** The section's bash block, continuation lines joined: its variable assignments and its curl commands. */
function commands(): { prelude: string[]; curls: string[] } {
  const start = section.indexOf('```bash') + 7;
  const lines = section
    .slice(start, section.indexOf('```', start))
    .replace(/\\\n\s*/g, ' ')
    .split('\n');
  return { prelude: lines.filter((line) => /^[A-Z_]+=/.test(line)), curls: lines.filter((line) => line.startsWith('curl ')) };
}

/** The status of the last response `curl -i` shows, or (without -i) of `-w`'s trailing line. */
function statusOf(output: string): number {
  return Number([...output.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)].pop()?.[1] ?? output.trim().split('\n').pop());
}

describe('README campaign and do-not-call examples, against npm run demo', () => {
  let demo: ChildProcess;
  let port = 0;
  let output = '';

  beforeAll(async () => {
    port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SIMULATOR_PORT: '0', METRICS_PORT: '0' };
    for (const name of Object.keys(env)) if (/^(AUTH_|ISALES_|REDIS_|OTEL_)/.test(name)) delete env[name];
    demo = spawn(process.execPath, [resolve(ROOT, 'dist/simulator/simulator/demo.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    demo.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually('the demo\u2019s banner (or its exit)', () => output.includes(BANNER) || demo.exitCode !== null, 60_000, 100);
    expect(output).toContain(BANNER);
  }, 90_000);

  afterAll(async () => {
    if (demo.exitCode !== null) return;
    const exited = new Promise((done) => demo.once('exit', done));
    demo.kill('SIGTERM');
    await exited;
  });

  it('has one command per route, each with the key as written', () => {
    const { prelude, curls } = commands();
    expect(prelude).toEqual([expect.stringMatching(/^KEY=isales-demo-key\b/)]);
    expect(curls).toHaveLength(8);
    for (const curl of curls) expect(curl).toContain('-H "X-API-Key: $KEY"');
  });

  it.each([1, 2])('run %i: every command answers 2xx, the answers the section describes', (_run) => {
    const { prelude, curls } = commands();
    const statuses: number[] = [];
    const bodies: string[] = [];
    for (const curl of curls) {
      // Without -i, curl prints the body only: -w adds the status on a line of its own.
      const command = curl.replaceAll('localhost:3000', `localhost:${port}`) + (curl.startsWith('curl -i ') ? '' : " -w '\\n%{http_code}'");
      const out = execFileSync('bash', ['-c', [...prelude, command].join('\n')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      statuses.push(statusOf(out));
      bodies.push(out);
    }
    expect(statuses).toEqual([200, 200, 204, 204, 200, 204, 204, 204]);
    expect(bodies[0]).toContain('"id":1106025109');
    expect(bodies[1]).toContain('"status":"started"');
    expect(bodies[4]).toContain('"number":"13100000000"');
  });
});
