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

/** A REST page asked for, and the ids a list operation that takes an id filter narrows it to. */
export interface PageRequest {
  page: number;
  pageSize: number;
  ids?: string[];
}

/**
 * How a resource is read from iSales' list operation of it (src/upstream/operations.catalogue.ts): the
 * client's call of that operation with the REST query translated, and the record mapped to the resource.
 */
export interface ListedResource<Q extends PageRequest, R, D> {
  fetch: (vdnId: number, query: Q) => Promise<IsalesPage<R>>;
  map: (record: R) => D;
}

/** A resource's reads, derived from its list operation: a page of it. */
export class ListedResourceService<Q extends PageRequest, R, D> {
  constructor(private readonly listed: ListedResource<Q, R, D>) {}

  async list(vdnId: number, query: Q): Promise<RestPage<D>> {
    return restPage(await this.listed.fetch(vdnId, query), this.listed.map, query);
  }
}

/** A resource whose list operation takes an id filter: one record is that list narrowed to its id, else a 404. */
export interface FilteredResource<R, D> extends ListedResource<PageRequest, R, D> {
  idOf: (record: R) => string | null | undefined;
  /** What a 404 calls a record ("file server"). */
  noun: string;
}

/** A page of a resource, and one record of it by id, both derived from its list operation. */
export class FilteredResourceService<R, D> extends ListedResourceService<PageRequest, R, D> {
  constructor(private readonly filtered: FilteredResource<R, D>) {
    super(filtered);
  }

  async get(vdnId: number, id: string): Promise<D> {
    const page = await this.filtered.fetch(vdnId, { page: 1, pageSize: 1, ids: [id] });
    return this.filtered.map(exactlyOne(page, this.filtered.idOf, id, notFound(this.filtered.noun, id, vdnId)));
  }
}

/** The detail of a resource's 404. */
export function notFound(noun: string, id: string | number, vdnId: number): string {
  return `No ${noun} ${id} in VDN ${vdnId}`;
}

/** A record a read of one answered, else a 404 saying which (iSales answers success without a record for one it lacks). */
export function found<R>(record: R | null | undefined, noun: string, id: string | number, vdnId: number): R {
  if (record === null || record === undefined) throw new ResourceNotFoundError(notFound(noun, id, vdnId));
  return record;
}
