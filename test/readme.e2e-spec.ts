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
});
