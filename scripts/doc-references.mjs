// What a comment's reference to the project's documents looks like, before and after it names a
// path (docs/...), and whether it leads somewhere: a file in docs/ and, when it names one, a
// section heading in it. Shared by scripts/rewrite-doc-references.mjs (which rewrites the old
// forms) and test/docs-references.e2e-spec.ts (which fails on a reference that leads nowhere).
// No import.meta and no top-level await: jest loads this file through its CommonJS transform.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import ts from 'typescript';

/** Where the references live: comments of the code, and the prose of these Markdown files. */
export const SOURCE_ROOTS = ['src', 'simulator', 'test', 'bench', 'scripts', 'clients/typescript/src'];
export const CODE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'coverage']);
const GENERATED = /\.generated\.ts$/;
/** These quote the old forms on purpose, to say what they rewrite. */
export const EXAMPLE_FILES = new Set(['scripts/doc-references.mjs', 'scripts/rewrite-doc-references.mjs', 'test/docs-references.e2e-spec.ts']);

/** The documents by the names comments used before docs/ existed, and their path in docs/. */
export const DOCUMENTS = {
  design: 'docs/design.md',
  'api-notes': 'docs/isales/api-notes.md',
  'write-api-notes': 'docs/isales/write-api-notes.md',
  'c2-signing': 'docs/isales/c2-signing.md',
};
export const OPERATIONS_DOC = 'docs/isales/operations.md';
/** The four pages once called "seed 000".."seed 003", by the operation they describe. */
export const SEED_OPERATIONS = { '000': 'queryDataImportTask', '001': 'queryServer', '002': 'queryBusinessResults', '003': 'appointList' };

// Between two words of a reference: spaces, or a line break and the next comment line's prefix.
const GAP = String.raw`(?:[ \t]+|[ \t]*\r?\n[ \t]*(?:\*(?!\/)|\/\/)?[ \t]*)`;
const NUMBER = String.raw`\d+(?:\.\d+)*`;
const JOINER = String.raw`(?:[ \t]?(?:-|–|\.\.|,)[ \t]?|[ \t](?:and|to)[ \t])`;
// "section 8", "sections 8 and 13", "§5.2", "§5-§9", "sections 1-9"; a bare "1.4" only after a notes file.
const LOCATOR = String.raw`(?:(?:[Ss]ections?${GAP}|§[ \t]?)${NUMBER}(?:${JOINER}§?${NUMBER})*)`;
const BARE_LOCATOR = String.raw`(?:${NUMBER}(?:${JOINER}${NUMBER})*)`;
const NOT_AFTER = String.raw`(?<![\w/.#-])`;

/** "design section 8", "api-notes.md 1.3", "shared/isales/c2-signing.md section 6", "(write-api-notes.md)". */
const LEGACY_DOCUMENT = new RegExp(
  String.raw`${NOT_AFTER}(?:shared\/(?:isales\/)?)?(?<name>[Dd]esign|write-api-notes|api-notes|c2-signing)(?<md>\.md)?` +
    String.raw`(?:,?(?<gap>${GAP})(?<locator>${LOCATOR}|${BARE_LOCATOR}))?(?![\w-])`,
  'g',
);
/** "seed 001", "Seed 003's", "seeds 000/001". */
const LEGACY_SEED = new RegExp(
  String.raw`${NOT_AFTER}(?<word>[Ss]eeds?)[ \t](?<first>00[0-3])(?<more>(?:[ \t]?(?:\/|,|and|-|\.\.)[ \t]?00[0-3])*)(?<possessive>'s)?(?![\w])`,
  'g',
);
/** The seed pages in general: their folder, or "the seed pages". */
const LEGACY_SEED_FOLDER = /shared\/seeds\/(?:000\.\.003(?:_\*\.txt)?|\*\.txt)?|(?<![\w/])seeds\/000\.\.003(?:_\*\.txt)?/g;
const LEGACY_SEED_PAGES = /\b(?<word>[Ss]eed pages)(?<possessive>')?(?<noun>[ \t]+[a-z]+)?/g;

/** A reference after the rewrite: a path in docs/, then an anchor or a locator. */
const PATH_REFERENCE = new RegExp(String.raw`(?<![\w/.-])(?<path>docs\/[\w/.-]+?\.md)(?:#(?<anchor>[\w-]+)|,?${GAP}(?<locator>${LOCATOR}))?(?![\w-])`, 'g');

/** The comments of a JavaScript or TypeScript file, as [start, end) offsets, in order. */
export function commentRanges(text, fileName) {
  const kind = /\.[cm]?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const seen = new Map();
  const collect = (ranges) => {
    for (const range of ranges ?? []) seen.set(range.pos, range.end);
  };
  const visit = (node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    ts.forEachChild(node, visit);
  };
  visit(source);
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
  // A shebang is not a comment a reader follows.
  return [...seen].filter(([pos]) => !text.startsWith('#!', pos)).sort((a, b) => a[0] - b[0]);
}

/** Every file whose comments (code) or text (Markdown) may hold a reference, relative to root. */
export function referenceFiles(root) {
  const files = ['README.md'].filter((file) => existsSync(join(root, file)));
  const walk = (directory) => {
    for (const entry of readdirSync(join(root, directory), { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path);
      } else if ((CODE_EXTENSIONS.has(extname(entry.name)) && !GENERATED.test(entry.name)) || extname(entry.name) === '.md') {
        files.push(path);
      }
    }
  };
  for (const directory of SOURCE_ROOTS) if (existsSync(join(root, directory))) walk(directory);
  return files.map((file) => relative(root, join(root, file))).filter((file) => !EXAMPLE_FILES.has(file));
}

/** The parts of a file a reference may sit in: its comments, or all of it for Markdown. */
export function referenceRegions(text, fileName) {
  return extname(fileName) === '.md' ? [[0, text.length]] : commentRanges(text, fileName);
}

/** "the design" or "design 3" is not a reference; "design section 3", "design §3" and "design.md" are. */
function isBareDesign({ name, md, locator }) {
  return name.toLowerCase() === 'design' && !md && !(locator && /^(?:[Ss]ection|§)/.test(locator));
}

function normaliseLocator(locator) {
  return /^\d/.test(locator) ? `§${locator}` : locator;
}

/** One region's text with every old-form reference turned into its docs/ path form. */
export function rewriteReferences(text) {
  return text
    .replace(LEGACY_DOCUMENT, (match, ...args) => {
      const { name, locator, gap } = args.at(-1);
      const path = DOCUMENTS[name.toLowerCase()];
      // A bare "design" names no document: only "design section N" (or design.md) is a reference.
      if (isBareDesign(args.at(-1))) return match;
      return locator ? `${path}${gap}${normaliseLocator(locator)}` : path;
    })
    .replace(LEGACY_SEED, (...args) => {
      const { first, more, possessive } = args.at(-1);
      const seeds = [first, ...(more.match(/00[0-3]/g) ?? [])];
      const anchors = seeds.map((seed) => `${OPERATIONS_DOC}#${SEED_OPERATIONS[seed]}`).join(', ');
      if (!possessive) return anchors;
      const operation = SEED_OPERATIONS[first];
      return `${operation}${operation.endsWith('s') ? "'" : "'s"} (${anchors})`;
    })
    .replace(LEGACY_SEED_FOLDER, OPERATIONS_DOC)
    .replace(/\(seed pages\)/g, `(${OPERATIONS_DOC})`)
    .replace(/\(seed pages and /g, `(${OPERATIONS_DOC} and `)
    .replace(new RegExp(String.raw`seed pages \(${OPERATIONS_DOC.replace(/[./]/g, '\\$&')}\)`, 'g'), `operations of ${OPERATIONS_DOC}`)
    .replace(LEGACY_SEED_PAGES, (...args) => {
      const { possessive, noun } = args.at(-1);
      if (possessive) return `pages'${noun ?? ''} (${OPERATIONS_DOC})`;
      return `pages of ${OPERATIONS_DOC}${noun ?? ''}`;
    });
}

/** The old-form references left in a region (what the rewrite would change). */
export function legacyReferences(text) {
  const found = [];
  for (const pattern of [LEGACY_DOCUMENT, LEGACY_SEED, LEGACY_SEED_FOLDER, LEGACY_SEED_PAGES]) {
    for (const match of text.matchAll(pattern)) {
      const groups = match.groups ?? {};
      if (groups.name && isBareDesign(groups)) continue;
      found.push(match[0]);
    }
  }
  return found;
}

/** The path-form references of a region: { path, anchor?, sections[] }. */
export function pathReferences(text) {
  return [...text.matchAll(PATH_REFERENCE)].map((match) => {
    const { path, anchor, locator } = match.groups;
    return { text: match[0].replace(/\s+/g, ' '), path, anchor, sections: locator ? (locator.match(new RegExp(NUMBER, 'g')) ?? []) : [] };
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
export function headingAnchor(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Why a path-form reference leads nowhere, or null when it leads to its file and section. */
export function unresolved(root, reference) {
  const file = join(root, reference.path);
  if (!existsSync(file)) return `${reference.path} does not exist`;
  const headings = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#{1,6} /, ''));
  if (reference.anchor && !headings.some((heading) => headingAnchor(heading) === reference.anchor.toLowerCase())) {
    return `${reference.path} has no heading for #${reference.anchor}`;
  }
  for (const section of reference.sections) {
    const numbered = new RegExp(String.raw`^${section.replace(/\./g, '\\.')}(?:\.(?!\d)|\s)`);
    if (!headings.some((heading) => numbered.test(heading))) return `${reference.path} has no section ${section}`;
  }
  return null;
}
