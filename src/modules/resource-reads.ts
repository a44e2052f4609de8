import { ResourceNotFoundError } from '../common/errors/gateway-error';
import type { IsalesPage } from '../upstream/isales.types';

/** What every list route answers: the mapped records, the page asked for, and iSales' total (null when it sent none). */
export interface RestPage<D> {
  items: D[];
  page: number;
  pageSize: number;
  total: number | null;
}

/** The REST page of an iSales page: each record mapped, the caller's own page and size echoed. */
export function restPage<R, D>(page: IsalesPage<R>, map: (record: R) => D, query: { page: number; pageSize: number }): RestPage<D> {
  return { items: page.items.map(map), page: query.page, pageSize: query.pageSize, total: page.total };
}

/**
 * The record whose id is `id` in a list filtered by that id, else a 404 saying `what`. Only an exact
 * match: when iSales ignores the id filter, the first record of the page is another one.
 */
export function exactlyOne<R>(page: IsalesPage<R>, idOf: (record: R) => string | null | undefined, id: string, what: string): R {
  const found = page.items.find((record) => idOf(record) === id);
  if (found === undefined) throw new ResourceNotFoundError(what);
  return found;
}
