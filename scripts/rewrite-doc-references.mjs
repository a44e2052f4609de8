#!/usr/bin/env node
// Rewrites the comments' references to the design notes into paths a clone can follow:
//   design section 8        -> docs/design.md section 8
//   api-notes §5.2          -> docs/isales/api-notes.md §5.2     (api-notes 1.4 -> ... §1.4)
//   write-api-notes §5      -> docs/isales/write-api-notes.md §5
//   c2-signing.md section 6 -> docs/isales/c2-signing.md section 6
//   seed 002                -> docs/isales/operations.md#queryBusinessResults
// Only comments (and the prose of the Markdown files next to the code) change; strings, such as
// test names, do not. Running it again changes nothing. Once the tree is rewritten it also turns on
// the strict half of test/docs-references.e2e-spec.ts, which then fails on any old form left.
//
//   node scripts/rewrite-doc-references.mjs           rewrite in place, list what changed
//   node scripts/rewrite-doc-references.mjs --check   change nothing; exit 1 if something would change
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceFiles, referenceRegions, rewriteReferences } from './doc-references.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const STRICT_SWITCH = { file: 'test/docs-references.e2e-spec.ts', from: 'const LEGACY_FORMS_ALLOWED = true;', to: 'const LEGACY_FORMS_ALLOWED = false;' };

let changedFiles = 0;
let changedReferences = 0;
for (const file of referenceFiles(root)) {
  const text = readFileSync(join(root, file), 'utf8');
  let result = '';
  let cursor = 0;
  for (const [start, end] of referenceRegions(text, file)) {
    const region = text.slice(start, end);
    const rewritten = rewriteReferences(region);
    if (rewritten !== region) changedReferences += countDifferences(region, rewritten);
    result += text.slice(cursor, start) + rewritten;
    cursor = end;
  }
  result += text.slice(cursor);
  if (result === text) continue;
  changedFiles += 1;
  console.log(`${check ? 'would rewrite' : 'rewrote'} ${file}`);
  if (!check) writeFileSync(join(root, file), result);
}

const switchFile = join(root, STRICT_SWITCH.file);
if (existsSync(switchFile)) {
  const text = readFileSync(switchFile, 'utf8');
  if (text.includes(STRICT_SWITCH.from)) {
    changedFiles += 1;
    console.log(`${check ? 'would turn on' : 'turned on'} the strict check in ${STRICT_SWITCH.file}`);
    if (!check) writeFileSync(switchFile, text.replace(STRICT_SWITCH.from, STRICT_SWITCH.to));
  }
}

console.log(`${changedFiles} file(s), ${changedReferences} comment line(s) ${check ? 'to rewrite' : 'rewritten'}`);
if (check && changedFiles > 0) process.exitCode = 1;

function countDifferences(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  return a.filter((line, index) => line !== b[index]).length;
}
