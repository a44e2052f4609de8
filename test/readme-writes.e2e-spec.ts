/**
 * The README's examples (the reads of "The routes" and the writes), run as a reader runs them: `npm run demo`'s program (built by the
 * test run), then the section's commands in bash with curl, verbatim but for two things a reader
 * changes as well: the demo's port (a free one here, 3000 in the README) and `<id>`, the id the
 * first reservation answers with. No key is added: the commands send the one they name.
 */
import { execFileSync } from 'node:child_process';
import { bashCommands, readmeSection, useDemo } from './support/readme-demo';

const writes = readmeSection('### Writes');
const commands = () => bashCommands(writes);

/** `curl -i` output: the status of the last response line and its body. */
function answer(output: string): { status: number; body: string } {
  const status = Number([...output.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)].pop()?.[1]);
  return { status, body: output.slice(output.search(/\r?\n\r?\n/)).trim() };
}

describe('README write examples, against npm run demo', () => {
  const demo = useDemo();

  it('the demo prints its banner last, after the gateway\u2019s start-up lines (route mappings included)', async () => {
    // Read as soon as the banner is there: a start-up line written after it would be missing here.
    const banner = demo.output.indexOf(demo.banner);
    expect(demo.output.lastIndexOf('Mapped {')).toBeGreaterThan(-1);
    expect(demo.output.indexOf('successfully started')).toBeGreaterThan(-1);
    expect(demo.output.lastIndexOf('Mapped {')).toBeLessThan(banner);
    expect(demo.output.indexOf('successfully started')).toBeLessThan(banner);
  });

  it('every command answers 2xx (the cancelled reservation whose call was made: 409), the key as written', () => {
    const { prelude, curls } = commands();
    expect(prelude).toEqual([expect.stringMatching(/^KEY=isales-demo-key\b/)]);
    expect(curls).toHaveLength(9);
    for (const curl of curls) expect(curl).toContain('-H "X-API-Key: $KEY"');
    let id = '';
    const statuses: number[] = [];
    for (const curl of curls) {
      const command = curl.replaceAll('localhost:3000', `localhost:${demo.port}`).replaceAll('<id>', id);
      const { status, body } = answer(execFileSync('bash', ['-c', [...prelude, command].join('\n')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
      statuses.push(status);
      if (/-X POST '[^']*\/appointments'/.test(curl)) id = (JSON.parse(body) as { id: string }).id;
    }
    expect(statuses).toEqual([201, 200, 204, 201, 204, 204, 409, 201, 204]);
  });

  it('every command of "The routes" answers with data, verbatim (the new ones checked in detail)', () => {
    const { prelude, curls } = bashCommands(readmeSection('## The routes'));
    const bodies = new Map<string, string>();
    for (const curl of curls) {
      const command = curl.replaceAll('localhost:3000', `localhost:${demo.port}`);
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
