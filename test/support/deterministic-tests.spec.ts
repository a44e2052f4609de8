import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Tests run on two cores shared by several jobs: a test that sleeps to let time pass, or asserts that
// something took less than N ms, passes or fails with the machine's load (the house style, habit 21).
// Time is a parameter instead (test/support/clock.ts, the document cache's `now`). The rules, on every
// test file (*.spec.ts, *.e2e-spec.ts) and every helper under test/support:
//
// 1. No pause. A pause is an awaited `setTimeout` of node:timers/promises (however it is renamed), or a
//    promise whose timer's only job is to resolve it (`new Promise((r) => setTimeout(r, ms))`).
//    Waiting for something to happen goes through test/support/eventually.ts, the one file exempt.
//    Not a pause, so not flagged: a timer that does something (a stub that answers late, a script that
//    rejects like an attempt timer), since that is the behaviour under test, not the test waiting.
// 2. No elapsed time measured on the real clock: no `performance.now()` at all (it only measures), and
//    `Date.now()` minus an earlier reading (a lower-case name: `Date.now() - started`) only in a file
//    that fakes the clock (`fakeClock()` or `jest.useFakeTimers`), where it reads the time the test set.
//    `Date.now()` alone or minus a constant (to build a date: `Date.now() - HOUR`) is not a measurement.

const ROOT = join(__dirname, '..', '..');
const EXEMPT = new Set(['test/support/eventually.ts', 'test/support/deterministic-tests.spec.ts']);

/** Files that read the real clock to report a figure, never to assert on it, and why. */
const REPORTS_ONLY: Record<string, string> = {
  'test/business-results-write-cost.e2e-spec.ts': 'prints the cached reads\u2019 latency beside the write cost for the closing note',
};

function files(dir: string, keep: (name: string, path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path, keep);
    return keep(entry.name, path) ? [path] : [];
  });
}

const isTest = (name: string) => name.endsWith('.spec.ts') || name.endsWith('.e2e-spec.ts');

const TEST_FILES = [
  ...files(join(ROOT, 'src'), isTest),
  ...files(join(ROOT, 'simulator'), isTest),
  ...files(join(ROOT, 'test'), (name, path) => isTest(name) || (path.includes(`${join('test', 'support')}`) && name.endsWith('.ts'))),
].filter((path) => !EXEMPT.has(relative(ROOT, path)));

/** The names node:timers/promises' setTimeout is imported under in `text`. */
function promisedTimers(text: string): string[] {
  return [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'node:timers\/promises'/g)].flatMap((m) =>
    m[1]
      .split(',')
      .map((part) => part.trim().match(/^setTimeout(?:\s+as\s+(\w+))?$/))
      .filter((match): match is RegExpMatchArray => match !== null)
      .map((match) => match[1] ?? 'setTimeout'),
  );
}

export function pauses(text: string): string[] {
  const found = promisedTimers(text).flatMap((name) => [...text.matchAll(new RegExp(`await\\s+${name}\\(`, 'g'))].map((m) => m[0]));
  const resolvers = [...text.matchAll(/new Promise\w*\(\s*\(?\s*(\w+)[^=]*=>\s*setTimeout\(\s*\1\s*[,)]/g)].map((m) => m[0]);
  return [...found, ...resolvers];
}

export function elapsedMeasurements(text: string): string[] {
  const clockFaked = /fakeClock\(|useFakeTimers\(/.test(text);
  return [...text.matchAll(/performance\.now\(\)|Date\.now\(\)\s*-\s*[a-z]/g)].map((m) => m[0]).filter((what) => what.startsWith('performance') || !clockFaked);
}

describe('tests that cannot flake on a busy machine', () => {
  it('recognises a pause and a measurement, and leaves a timer that does something alone', () => {
    expect(pauses("import { setTimeout as sleep } from 'node:timers/promises';\nawait sleep(1100);")).toEqual(['await sleep(']);
    expect(pauses('await new Promise((resolve) => setTimeout(resolve, 50));')).toHaveLength(1);
    expect(pauses("setTimeout(() => reject(new Error('late')), 20); new Promise((resolve) => setTimeout(() => resolve('x'), 20));")).toEqual([]);
    expect(elapsedMeasurements('const ms = performance.now() - started;')).toHaveLength(1);
    expect(elapsedMeasurements('const at = new Date(Date.now() + 86_400_000);')).toEqual([]);
    expect(elapsedMeasurements('const at = Date.now() - HOUR;')).toEqual([]);
    expect(elapsedMeasurements('const clock = fakeClock(); const ms = Date.now() - started;')).toEqual([]);
    expect(elapsedMeasurements('const clock = fakeClock(); const t = performance.now();')).toHaveLength(1);
  });

  it('finds no pause and no wall-clock measurement in any test', () => {
    const offences = TEST_FILES.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const measurements = relative(ROOT, path) in REPORTS_ONLY ? [] : elapsedMeasurements(text);
      return [...pauses(text), ...measurements].map((what) => `${relative(ROOT, path)}: ${what}`);
    });
    expect(offences).toEqual([]);
  });
});
