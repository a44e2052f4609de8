// Types for scripts/doc-references.mjs, which test/docs-references.e2e-spec.ts imports.
export interface PathReference {
  text: string;
  path: string;
  anchor?: string;
  sections: string[];
}
export const SOURCE_ROOTS: readonly string[];
export const DOCUMENTS: Readonly<Record<string, string>>;
export const OPERATIONS_DOC: string;
export const SEED_OPERATIONS: Readonly<Record<string, string>>;
export const EXAMPLE_FILES: ReadonlySet<string>;
export function commentRanges(text: string, fileName: string): Array<[number, number]>;
export function referenceFiles(root: string): string[];
export function referenceRegions(text: string, fileName: string): Array<[number, number]>;
export function rewriteReferences(text: string): string;
export function legacyReferences(text: string): string[];
export function pathReferences(text: string): PathReference[];
export function headingAnchor(heading: string): string;
export function unresolved(root: string, reference: PathReference): string | null;
