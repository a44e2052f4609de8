/**
 * The README's examples (the reads of "The routes" and the writes), run as a reader runs them: `npm run demo`'s program (built by the
 * test run), then the section's commands in bash with curl, verbatim but for two things a reader
 * changes as well: the demo's port (a free one here, 3000 in the README) and `<id>`, the id the
 * first reservation answers with. No key is added: the commands send the one they name.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eventually } from './support/eventually';
import { freePort } from './support/redis-server';

const ROOT = resolve(__dirname, '..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const writes = readme.slice(readme.indexOf('### Writes'), readme.indexOf('## Configuration'));
const BANNER = 'isales-gateway demo is ready';

/** The section's bash block, continuation lines joined: its variable assignments and its curl commands. */
function commands(): { prelude: string[]; curls: string[] } {
  const start = writes.indexOf('```bash') + 7;
  const lines = writes
    .slice(start, writes.indexOf('```', start))
    .replace(/\\\n\s*/g, ' ')
    .split('\n');
  return { prelude: lines.filter((line) => /^[A-Z_]+=/.test(line)), curls: lines.filter((line) => line.startsWith('curl ')) };
}

/** `curl -i` output: the status of the last response line and its body. */
function answer(output: string): { status: number; body: string } {
  const status = Number([...output.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)].pop()?.[1]);
  return { status, body: output.slice(output.search(/\r?\n\r?\n/)).trim() };
}

describe('README write examples, against npm run demo', () => {
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

  it('the demo prints its banner last, after the gateway\u2019s start-up lines (route mappings included)', async () => {
    // Read as soon as the banner is there: a start-up line written after it would be missing here.
    const banner = output.indexOf(BANNER);
    expect(output.lastIndexOf('Mapped {')).toBeGreaterThan(-1);
    expect(output.indexOf('successfully started')).toBeGreaterThan(-1);
    expect(output.lastIndexOf('Mapped {')).toBeLessThan(banner);
    expect(output.indexOf('successfully started')).toBeLessThan(banner);
  });

  it('every command answers 2xx (the cancelled reservation whose call was made: 409), the key as written', () => {
    const { prelude, curls } = commands();
    expect(prelude).toEqual([expect.stringMatching(/^KEY=isales-demo-key\b/)]);
    expect(curls).toHaveLength(9);
    for (const curl of curls) expect(curl).toContain('-H "X-API-Key: $KEY"');
    let id = '';
    const statuses: number[] = [];
    for (const curl of curls) {
      const command = curl.replaceAll('localhost:3000', `localhost:${port}`).replaceAll('<id>', id);
      const { status, body } = answer(execFileSync('bash', ['-c', [...prelude, command].join('\n')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
      statuses.push(status);
      if (/-X POST '[^']*\/appointments'/.test(curl)) id = (JSON.parse(body) as { id: string }).id;
    }
    expect(statuses).toEqual([201, 200, 204, 201, 204, 204, 409, 201, 204]);
  });

  it('every command of "The routes" answers with data, verbatim (the new ones checked in detail)', () => {
    const routes = readme.slice(readme.indexOf('## The routes'), readme.indexOf('### Writes'));
    const start = routes.indexOf('```bash') + 7;
    const lines = routes.slice(start, routes.indexOf('```', start)).split('\n');
    const prelude = lines.filter((line) => /^[A-Z_]+=/.test(line));
    const bodies = new Map<string, string>();
    for (const curl of lines.filter((line) => line.startsWith('curl '))) {
      const command = curl.replaceAll('localhost:3000', `localhost:${port}`);
      const body = execFileSync('bash', ['-c', [...prelude, command].join('\n')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect({ curl, problem: body.includes('urn:isales-gateway:problem:') }).toEqual({ curl, problem: false });
      bodies.set(curl.replace(/^.*'http:\/\/localhost:3000([^?']*).*$/, '$1'), body);
    }
    expect(JSON.parse(bodies.get('/api/v1/vdns/1/call-results/1644464743-1388')!)).toMatchObject({
      callId: '1644464743-1388',
      status: 'succeeded',
      ringingAt: '2022-02-10T11:45:43+08:00',
    });
    expect(JSON.parse(bodies.get('/api/v1/vdns/1/campaigns/3/import-tasks')!)).toMatchObject({ items: [{ status: 'completed', blockedCount: 0 }], total: 1 });
  });
});
