import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Small files with one job (the house style, habit 10): past a screenful or four a file has started
// to need a table of contents, which is the sign that it does two things. Every file under src/,
// specs included, stays within MAX_LINES; split it by job rather than raising the bound.

const SRC = __dirname;
const MAX_LINES = 250;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('files under src/', () => {
  it(`have at most ${MAX_LINES} lines each`, () => {
    const long = files(SRC)
      .map((path) => ({ file: relative(SRC, path), lines: readFileSync(path, 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
