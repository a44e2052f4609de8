import { etagOf } from '../../cache/cached-document';
import { IsalesClient } from '../../upstream/isales.client';
import { toBusinessResult } from './business-result.mapper';
import { renderPage } from './business-results.view';

/** iSales' maximum pageSize for queryBusinessResults (docs/isales/operations.md#queryBusinessResults). */
export const UPSTREAM_PAGE_SIZE = 50;

/** A page of a VDN's tree served without the whole tree: its body and the validator of that body. */
export interface TreeWindow {
  body: Buffer;
  etag: string;
}

/**
 * One page of the tree from the iSales pages it covers: iSales pages over parents in the order the
 * tree keeps them, so a page of up to 50 is the same page of iSales, and a larger one spans at most
 * three of 50. Its cost is the page's, whatever the size of the tree. Undefined when iSales sends no
 * total, which a page cannot say without the whole tree.
 */
export async function fetchTreeWindow(isales: IsalesClient, vdnId: number, page: number, pageSize: number): Promise<TreeWindow | undefined> {
  const size = pageSize <= UPSTREAM_PAGE_SIZE ? pageSize : UPSTREAM_PAGE_SIZE;
  const start = (page - 1) * pageSize;
  const first = Math.floor(start / size) + 1;
  const last = Math.floor((start + pageSize - 1) / size) + 1;
  const pages = await Promise.all(
    Array.from({ length: last - first + 1 }, (_, i) => isales.listBusinessResults(vdnId, { pageNum: first + i, pageSize: size })),
  );
  const total = pages[0].total;
  if (total === null) return undefined;
  const offset = start - (first - 1) * size;
  const parents = pages.flatMap((one) => one.items).slice(offset, offset + pageSize);
  const body = renderPage(
    parents.map((parent) => JSON.stringify(toBusinessResult(parent))),
    page,
    pageSize,
    total,
  );
  return { body, etag: etagOf(body.toString()) };
}
