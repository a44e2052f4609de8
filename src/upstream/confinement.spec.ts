import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// docs/design.md section 15 (and the house's habit of a confined upstream): only src/upstream knows iSales. Outside it, code
// asks an error what it means (GatewayError.upstreamMeaning) instead of importing iSales' error
// classes, and only the resource mappers (and their tests) know iSales' field names.

const SRC = join(__dirname, '..');
const UPSTREAM = join(SRC, 'upstream');

/** Modules whose classes are iSales errors. */
const ERROR_MODULES = ['isales.errors', 'resilience.errors'];

/** Field names only iSales' payloads use (docs/isales/*.md); generic words (id, name, status) are left out. */
const ISALES_FIELDS = [
  'resultCode',
  'resultDesc',
  'returnCode',
  'returnDesc',
  'appointId',
  'appointTime',
  'busiResult',
  'busiSubStatus',
  'callFlag',
  'calledNo',
  'callerNo',
  'failNum',
  'succNum',
  'repeatNum',
  'importTaskIds',
  'serverIds',
  'serverInfo',
  'serverPwd',
  'taskStatus',
  'userAccountList',
  'errMsg',
  // Campaigns and the do-not-call list (docs/isales/next-api-notes.md sections 1 and 3).
  'strBeginTime',
  'strEndTime',
  'maxAlertingTime',
  'scheduleParam',
  'ivrParam',
  'skillParam',
  'callBackUrl',
  'rowsPerPage',
  'curPage',
  'totalSize',
  'blockNum',
  'blocklistNo',
  'validityExpirationTime',
  'validityTime',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The import specifiers of a module that name an iSales error module, resolved from `file`. */
export function importedErrorModules(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
  return specifiers.filter((specifier) => {
    if (!specifier.startsWith('.')) return false;
    const target = join(file, '..', specifier);
    return target.startsWith(UPSTREAM + sep) && ERROR_MODULES.some((name) => target === join(UPSTREAM, name));
  });
}

/** Code without its comments and quoted text: documentation may name a field to explain a mapping. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/[^\n]*/g, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}

export function isalesFieldsIn(text: string): string[] {
  const code = withoutComments(text);
  return ISALES_FIELDS.filter((field) => new RegExp(`\\b${field}\\b`).test(code));
}

const outside = sourceFiles(SRC).filter((file) => !file.startsWith(UPSTREAM + sep));
const isMapper = (file: string) => /\.mapper(\.spec)?\.ts$/.test(file);

describe('the upstream is confined to src/upstream', () => {
  it('finds an import of an iSales error class, and a field name, where they are (the checks below can fail)', () => {
    const file = join(SRC, 'idempotency', 'example.ts');
    expect(importedErrorModules(file, "import { IsalesHttpError } from '../upstream/isales.errors';")).toEqual(['../upstream/isales.errors']);
    expect(importedErrorModules(file, "import type { IsalesBusyError } from '../upstream/resilience.errors';")).toEqual(['../upstream/resilience.errors']);
    expect(importedErrorModules(file, "import { ISALES } from '../upstream/operations.catalogue';")).toEqual([]);
    expect(isalesFieldsIn('const code = payload.resultCode;')).toEqual(['resultCode']);
    expect(isalesFieldsIn('// resultCode, as iSales names it')).toEqual([]);
    expect(isalesFieldsIn('description: "iSales\' count (its totalSize)",')).toEqual([]);
  });

  it.each(outside.map((file) => [relative(SRC, file), file]))('%s imports no iSales error class', (_name, file) => {
    expect(importedErrorModules(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('leaves iSales field names to the resource mappers', () => {
    const found = outside
      .filter((file) => !isMapper(file))
      .map((file) => ({ file: relative(SRC, file), fields: isalesFieldsIn(readFileSync(file, 'utf8')) }))
      .filter(({ fields }) => fields.length > 0);
    expect(found).toEqual([]);
  });
});
