import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useStack } from './support/harness';

const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
const writes = readme.slice(readme.indexOf('### Writes'), readme.indexOf('## Configuration'));

interface Curl {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The section's curl commands (continuation lines joined), in order. */
function curls(): Curl[] {
  const block = writes.slice(writes.indexOf('```bash') + 7, writes.indexOf('```', writes.indexOf('```bash') + 7));
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.startsWith('curl '))
    .map((line) => {
      const url = /'(http:\/\/localhost:3000[^']*)'/.exec(line)![1];
      const headers = Object.fromEntries([...line.matchAll(/-H '([^:]+): ([^']*)'/g)].map((m) => [m[1].toLowerCase(), m[2]]));
      return { method: /-X (\w+)/.exec(line)![1], path: new URL(url).pathname, headers, body: /-d '([^']*)'/.exec(line)?.[1] };
    });
}

// The README's write examples, run in order against the demo's data (the simulator).
describe('README write examples', () => {
  const stack = useStack();

  it('all work, the appointment ones on the reservation the first one creates', async () => {
    const commands = curls();
    expect(commands.map((c) => c.method)).toEqual(['POST', 'PUT', 'DELETE', 'POST', 'PATCH', 'PUT', 'DELETE', 'POST']);
    let appointmentId = '';
    const statuses: number[] = [];
    for (const command of commands) {
      const response = await stack.request(command.path.replace('%3Cid%3E', appointmentId), {
        method: command.method,
        headers: command.headers,
        body: command.body,
      });
      statuses.push(response.status);
      if (command.method === 'POST' && command.path.endsWith('/appointments')) {
        appointmentId = ((await response.json()) as { id: string }).id;
      }
    }
    expect(statuses).toEqual([201, 200, 204, 201, 204, 204, 409, 201]);
  });
});
