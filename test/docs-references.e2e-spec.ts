import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { legacyReferences, pathReferences, referenceFiles, referenceRegions, rewriteReferences, unresolved } from '../scripts/doc-references.mjs';

// Every reference a comment makes to the project's documents leads, from a clone, to a file in
// docs/ and to the section it names. Until scripts/rewrite-doc-references.mjs has run on the tree
// (after the issue-21 merges; it flips this switch itself), the old forms ("design section 8",
// "seed 002") are checked through what they will be rewritten to; afterwards they are refused.
const LEGACY_FORMS_ALLOWED = false;

const ROOT = join(__dirname, '..');

interface Found {
  file: string;
  line: number;
  reference: string;
  problem: string | null;
}

function scan(): { references: Found[]; legacy: Found[] } {
  const references: Found[] = [];
  const legacy: Found[] = [];
  for (const file of referenceFiles(ROOT)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const [start, end] of referenceRegions(text, file)) {
      const region = text.slice(start, end);
      const line = text.slice(0, start).split('\n').length;
      for (const reference of legacyReferences(region)) legacy.push({ file, line, reference, problem: 'not a path' });
      // What the region says once rewritten: the old forms resolve through their new form.
      for (const reference of pathReferences(rewriteReferences(region))) {
        references.push({ file, line, reference: reference.text, problem: unresolved(ROOT, reference) });
      }
    }
  }
  return { references, legacy };
}

const format = (found: Found[]) => found.map(({ file, line, reference, problem }) => `${file}:${line} "${reference}": ${problem}`);

describe('references to docs/ in comments', () => {
  const { references, legacy } = scan();

  it('finds the references (the scan itself works)', () => {
    expect(references.length).toBeGreaterThan(50);
  });

  it('each leads to an existing file and section heading', () => {
    expect(format(references.filter((found) => found.problem !== null))).toEqual([]);
  });

  (LEGACY_FORMS_ALLOWED ? it.skip : it)('are all paths (no "design section N" or "seed 00N" left)', () => {
    expect(format(legacy)).toEqual([]);
  });
});

describe('the rewrite of old references', () => {
  it.each([
    ['design section 8', 'docs/design.md section 8'],
    ['(design sections 8 and 13)', '(docs/design.md sections 8 and 13)'],
    ['Design section 12', 'docs/design.md section 12'],
    ['api-notes §5.2', 'docs/isales/api-notes.md §5.2'],
    ['(api-notes 2)', '(docs/isales/api-notes.md §2)'],
    ['api-notes.md 1.4 for appoint/list', 'docs/isales/api-notes.md §1.4 for appoint/list'],
    ['write-api-notes.md sections 6-7', 'docs/isales/write-api-notes.md sections 6-7'],
    ['(write-api-notes §5-§9)', '(docs/isales/write-api-notes.md §5-§9)'],
    ['(write-api-notes.md): every one', '(docs/isales/write-api-notes.md): every one'],
    ['shared/isales/c2-signing.md section 6', 'docs/isales/c2-signing.md section 6'],
    ['c2-signing.md §5', 'docs/isales/c2-signing.md §5'],
    ['(seed 001: "22")', '(docs/isales/operations.md#queryServer: "22")'],
    ["Seed 002's example tree", "queryBusinessResults' (docs/isales/operations.md#queryBusinessResults) example tree"],
    ['the four seed pages (shared/seeds/000..003)', 'the four operations of docs/isales/operations.md'],
    ["the seed pages' tables", "the pages' tables (docs/isales/operations.md)"],
    [' * (design\n * section 9)', ' * (docs/design.md\n * section 9)'],
    ['the design maps it to 429', 'the design maps it to 429'],
  ])('%j becomes %j, and stays so', (before, after) => {
    expect(rewriteReferences(before)).toBe(after);
    expect(rewriteReferences(after)).toBe(after);
    expect(legacyReferences(after)).toEqual([]);
  });

  it('touches comments only, not strings such as test names', () => {
    const text = "// seed 001\nit('answers the seed 001 request', () => undefined); /* design section 8 */\n";
    const regions = referenceRegions(text, 'x.spec.ts').map(([start, end]) => text.slice(start, end));
    expect(regions).toEqual(['// seed 001', '/* design section 8 */']);
  });
});
