import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createSourceFile, forEachChild, getLeadingCommentRanges, getTrailingCommentRanges, Node, ScriptTarget } from 'typescript';

// Comments say why, never history (the house style, habits 9 and 20): a benchmark figure goes stale with
// the next change and belongs in bench/README.md beside its baseline; an issue number or a "before"
// tells the reader about a past the code no longer shows. This test reads every comment under src/
// (specs included) and fails on:
//   - a figure followed by a ratio or a rate: `5 %`, `3x`, `2.5 times`, `40k req/s`, `900 rps`;
//   - an issue reference: `issue 25`, `#25`;
//   - a comparison with an earlier version: `as before`, `than before`, `until now`.
// Figures that are not ratios (`1.5 s`, `0200007`, `64 KiB`) are left alone.

const SRC = __dirname;

const HISTORY: ReadonlyArray<[string, RegExp]> = [
  ['a benchmark figure', /\b\d[\d.,]*\s*k?\s*(%|x\b|×|times\s+(faster|slower|more|less|fewer|as)\b|req\/s\b|rps\b|requests per second\b)/i],
  ['an issue number', /\bissue\s+#?\d+|(^|\s)#\d+\b/i],
  ['a before/now narrative', /\b(as|than)\s+before\b|\buntil\s+now\b/i],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every comment of a TypeScript text, once each. */
export function commentsOf(text: string): string[] {
  const file = createSourceFile('x.ts', text, ScriptTarget.Latest, true);
  const seen = new Set<number>();
  const comments: string[] = [];
  const collect = (pos: number) => {
    for (const range of [...(getLeadingCommentRanges(text, pos) ?? []), ...(getTrailingCommentRanges(text, pos) ?? [])]) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      comments.push(text.slice(range.pos, range.end));
    }
  };
  const visit = (node: Node) => {
    collect(node.getFullStart());
    collect(node.getEnd());
    forEachChild(node, visit);
  };
  visit(file);
  collect(file.getEnd());
  return comments;
}

export function historyIn(comment: string): string[] {
  const flat = comment.replace(/\s*\n\s*(\*|\/\/)?/g, ' ');
  return HISTORY.filter(([, pattern]) => pattern.test(flat)).map(([what]) => what);
}

describe('comments under src/ say why, never history', () => {
  it('recognises a figure with a ratio or a rate, an issue number and a before/now', () => {
    expect(historyIn('// skips the hash (about 5 % of a cache hit)')).toEqual(['a benchmark figure']);
    expect(historyIn('/** 3x faster than helmet, 40k req/s */')).toEqual(['a benchmark figure']);
    expect(historyIn('// since issue 25 the log is ours')).toEqual(['an issue number']);
    expect(historyIn('/** pays the same comparisons as\n * before */')).toEqual(['a before/now narrative']);
    expect(historyIn('// waits 1.5 s; 0200007 means gone; at most 64 KiB; ISO 8601 times')).toEqual([]);
    expect(historyIn('// 2.5 times faster')).toEqual(['a benchmark figure']);
  });

  it('finds none', () => {
    const found = sourceFiles(SRC)
      .filter((path) => path !== __filename)
      .flatMap((path) =>
        commentsOf(readFileSync(path, 'utf8')).flatMap((comment) =>
          historyIn(comment).map((what) => `${relative(SRC, path)}: ${what}: ${comment.slice(0, 120).replace(/\s+/g, ' ')}`),
        ),
      );
    expect(found).toEqual([]);
  });
});
