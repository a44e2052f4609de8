import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { acceptedEnvironmentVariables } from '../src/config/configuration';

const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');

describe('README', () => {
  it('documents every environment variable the gateway reads', () => {
    expect(acceptedEnvironmentVariables().filter((name) => !readme.includes('`' + name + '`'))).toEqual([]);
  });

  it('opens with the start and the test command, the test command being what CI runs', () => {
    const ci = readFileSync(resolve(__dirname, '../.ci/run'), 'utf8');
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm install && npm test');
    expect(ci).toMatch(/^npm install$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it('names one Node major for the tests, the image and the reader: engines, .nvmrc, the Dockerfile, .ci/run', () => {
    const root = resolve(__dirname, '..');
    const engines = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toMatch(/^\^24\.\d+\.\d+\b/);
    expect(readFileSync(resolve(root, '.nvmrc'), 'utf8').trim()).toBe('24');
    expect(readFileSync(resolve(root, 'Dockerfile'), 'utf8')).toMatch(/^ARG NODE_IMAGE=node:24-/m);
    const ci = readFileSync(resolve(root, '.ci/run'), 'utf8');
    expect(ci).toContain(`node-linux-$arch@${engines.split(' ')[0]}`);
    expect(readme).toContain('**Node 24**');
  });
});
