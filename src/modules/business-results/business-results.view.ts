import { BusinessResultDto } from './dto/business-result.dto';

const RENDERED_PAGES_KEPT = 64;

/**
 * One cached tree, decoded once per ETag and kept in the form responses are sent: each parent's
 * JSON text, and each code's lookup text, so serving a page or a code joins strings and never
 * serialises objects on the hit path.
 */
export class BusinessResultsView {
  readonly total: number;
  private readonly parentJson: string[];
  private readonly byCode = new Map<string, string>();
  private readonly pages = new Map<string, Buffer>();

  constructor(tree: BusinessResultDto[]) {
    this.total = tree.length;
    this.parentJson = tree.map((parent) => JSON.stringify(parent));
    for (const parent of tree) {
      if (parent.code !== null && !this.byCode.has(parent.code)) {
        this.byCode.set(parent.code, JSON.stringify({ ...parent, level: 'parent', parentCode: null }));
      }
    }
    // Parents win over a child that shares their code; the first child with a code wins over later ones.
    for (const parent of tree) {
      for (const child of parent.children) {
        if (child.code !== null && !this.byCode.has(child.code)) {
          this.byCode.set(child.code, JSON.stringify({ ...child, children: [], level: 'child', parentCode: parent.code }));
        }
      }
    }
  }

  static fromJson(text: string): BusinessResultsView {
    return new BusinessResultsView(JSON.parse(text) as BusinessResultDto[]);
  }

  page(page: number, pageSize: number): Buffer {
    const key = `${page}:${pageSize}`;
    let rendered = this.pages.get(key);
    if (!rendered) {
      const start = (page - 1) * pageSize;
      rendered = renderPage(this.parentJson.slice(start, start + pageSize), page, pageSize, this.total);
      if (this.pages.size >= RENDERED_PAGES_KEPT) this.pages.delete(this.pages.keys().next().value!);
      this.pages.set(key, rendered);
    }
    return rendered;
  }

  lookup(code: string): string | undefined {
    return this.byCode.get(code);
  }
}

/** A page's answer from its parents' JSON texts: the one place its shape is written. */
export function renderPage(parentJson: string[], page: number, pageSize: number, total: number): Buffer {
  return Buffer.from(`{"items":[${parentJson.join(',')}],"page":${page},"pageSize":${pageSize},"total":${total}}`);
}
