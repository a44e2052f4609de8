import type { IsalesClient } from '../../upstream/isales.client';
import type { IsalesBusinessResult } from '../../upstream/isales.types';
import { toBusinessResult } from './business-result.mapper';
import { BusinessResultsView } from './business-results.view';
import { fetchTreeWindow, UPSTREAM_PAGE_SIZE } from './tree-window';

/** iSales with `count` parents (two children each), paging over parents at most 50 at a time; the pages asked for. */
function isalesWith(count: number, withTotal = true) {
  const tree: IsalesBusinessResult[] = Array.from({ length: count }, (_, i) => ({
    code: `p${i}`,
    name: `Parent ${i}`,
    children: [
      { code: `p${i}-a`, name: 'a' },
      { code: `p${i}-b`, name: 'b' },
    ],
  }));
  const asked: Array<{ pageNum: number; pageSize: number }> = [];
  const client = {
    listBusinessResults: async (_vdnId: number, query: { pageNum: number; pageSize: number }) => {
      if (query.pageSize > UPSTREAM_PAGE_SIZE) throw new Error(`pageSize ${query.pageSize} is over iSales' maximum`);
      asked.push(query);
      const start = (query.pageNum - 1) * query.pageSize;
      return { items: tree.slice(start, start + query.pageSize), total: withTotal ? tree.length : null };
    },
  };
  return { client: client as unknown as IsalesClient, tree, asked };
}

describe('fetchTreeWindow: a page of the tree without the whole tree', () => {
  const { client, tree } = isalesWith(260);
  const whole = new BusinessResultsView(tree.map(toBusinessResult));
  const cases: Array<[number, number]> = [];
  for (const pageSize of [1, 7, 20, 50, 51, 70, 99, 100]) for (const page of [1, 2, 3, 4, 6, 27]) cases.push([page, pageSize]);

  it.each(cases)('page %i of %i is byte for byte the page the whole tree renders', async (page, pageSize) => {
    const window = await fetchTreeWindow(client, 1, page, pageSize);
    expect(window?.body.toString()).toBe(whole.page(page, pageSize).toString());
  });

  it('asks iSales for the same page when it fits in one, and for at most three pages of 50 otherwise', async () => {
    const small = isalesWith(260);
    await fetchTreeWindow(small.client, 1, 3, 20);
    expect(small.asked).toEqual([{ pageNum: 3, pageSize: 20 }]);
    const large = isalesWith(260);
    await fetchTreeWindow(large.client, 1, 2, 99);
    expect(large.asked).toEqual([2, 3, 4].map((pageNum) => ({ pageNum, pageSize: 50 })));
  });

  it('gives up without a total from iSales (the page could not say it)', async () => {
    expect(await fetchTreeWindow(isalesWith(30, false).client, 1, 1, 20)).toBeUndefined();
  });

  it('answers a validator of the page it sends', async () => {
    const one = await fetchTreeWindow(client, 1, 1, 20);
    const two = await fetchTreeWindow(client, 1, 2, 20);
    expect(one?.etag).toMatch(/^"[\w-]{27}"$/);
    expect(one?.etag).not.toBe(two?.etag);
    expect((await fetchTreeWindow(client, 1, 1, 20))?.etag).toBe(one?.etag);
  });
});
