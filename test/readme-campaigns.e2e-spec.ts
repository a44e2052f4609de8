/**
 * The README's campaign and do-not-call examples, run as a reader runs them: `npm run demo`'s program (built by the
 * test run), then the section's commands in bash with curl, verbatim but for the demo's port (a free one here, 3000 in
 * the README). No key is added: the commands send the one they name. Run twice, they answer the same: what they block
 * they unblock, what they pause they resume.
 */
import { execFileSync } from 'node:child_process';
import { bashCommands, readmeSection, useDemo } from './support/readme-demo';

const section = readmeSection('### Campaigns and do-not-call numbers');
const commands = () => bashCommands(section);

/** The status of the last response `curl -i` shows, or (without -i) of `-w`'s trailing line. */
function statusOf(output: string): number {
  return Number([...output.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)].pop()?.[1] ?? output.trim().split('\n').pop());
}

describe('README campaign and do-not-call examples, against npm run demo', () => {
  const demo = useDemo();

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
      const command = curl.replaceAll('localhost:3000', `localhost:${demo.port}`) + (curl.startsWith('curl -i ') ? '' : " -w '\\n%{http_code}'");
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
