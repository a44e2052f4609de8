import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { preProcessFile } from 'typescript';

// Each top-level folder of src/ is one concern (the layout paragraph of the README's "Development"). When two folders import
// each other, neither can be read, tested or moved without the other: they have become one concern
// with two names. This test builds the graph "folder A imports folder B" from every production file
// (specs excluded: a test may reach wherever it needs) and fails on any cycle in it, naming one import
// for each edge of the cycle so the fix starts at a file. Type-only imports count too: a type is a
// piece of knowledge, and the cycle is in the knowledge before it is in the bundle.

const SRC = __dirname;

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productionFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The top-level folder of src/ a file lives in, or undefined for the files at src/'s root (bootstrap and wiring). */
function folderOf(file: string): string | undefined {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && candidate.endsWith('.ts'));
}

/** Edges "folder -> folder", each with one import that makes it (file and specifier), for the message. */
export function folderGraph(files: readonly string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = folderOf(file);
    if (from === undefined) continue;
    for (const { fileName } of preProcessFile(readFileSync(file, 'utf8'), true, false).importedFiles) {
      const target = resolveImport(file, fileName);
      const to = target && folderOf(target);
      if (to === undefined || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${relative(SRC, file)} imports '${fileName}'`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan): each is a set of folders that reach each other. */
export function cycles(graph: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

function explain(graph: Map<string, Map<string, string>>, component: string[]): string {
  const members = new Set(component);
  const edges = component.flatMap((from) =>
    [...(graph.get(from) ?? new Map<string, string>())].filter(([to]) => members.has(to)).map(([to, example]) => `  ${from} -> ${to}: ${example}`),
  );
  return [`{${component.join(', ')}}`, ...edges].join('\n');
}

describe('import cycles between the top-level folders of src/', () => {
  it('finds a cycle when two folders import each other', () => {
    const graph = new Map([
      ['a', new Map([['b', 'a/x.ts']])],
      ['b', new Map([['c', 'b/y.ts']])],
      ['c', new Map([['a', 'c/z.ts']])],
      ['d', new Map([['a', 'd/w.ts']])],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('has none', () => {
    const graph = folderGraph(productionFiles(SRC));
    const found = cycles(graph);
    expect(found.map((component) => explain(graph, component))).toEqual([]);
  });
});
