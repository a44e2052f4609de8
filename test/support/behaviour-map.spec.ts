import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// docs/behaviour-map.md answers "which file does X?"; a row naming a file that moved or went away
// would send the reader nowhere, so every path it names must exist.

const ROOT = join(__dirname, '..', '..');

describe('docs/behaviour-map.md', () => {
  it('names only files that exist', () => {
    const text = readFileSync(join(ROOT, 'docs/behaviour-map.md'), 'utf8');
    const paths = [...text.matchAll(/`((?:src|simulator|test|docs|bench|scripts)\/[^`]+)`/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
