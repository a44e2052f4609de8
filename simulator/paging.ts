/** The slice [offset, offset + limit); an offset past the end gives an empty page (docs/isales/api-notes.md §5.4). */
export function slicePage<T>(items: readonly T[], offset: number, limit: number): T[] {
  return items.slice(offset, offset + limit);
}

/** GET paging: page `pageNum` (from 1) of `pageSize` rows. */
export function slicePageNumber<T>(items: readonly T[], pageNum: number, pageSize: number): T[] {
  return slicePage(items, (pageNum - 1) * pageSize, pageSize);
}

/** Keeps the records whose id is listed; unknown ids are silently dropped. An empty list means no filter. */
export function filterByIds<T>(items: readonly T[], ids: readonly string[] | undefined, idOf: (item: T) => string): readonly T[] {
  if (!ids || ids.length === 0) return items;
  const wanted = new Set(ids);
  return items.filter((item) => wanted.has(idOf(item)));
}
