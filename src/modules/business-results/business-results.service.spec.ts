import { Logger } from '@nestjs/common';
import { MemoryCacheStore } from '../../cache/memory-cache.store';
import { loadConfig } from '../../config/configuration';
import type { IsalesClient } from '../../upstream/isales.client';
import type { IsalesBusinessResult } from '../../upstream/isales.types';
import { BusinessResultsService, REFRESH_AFTER_WRITE_MS } from './business-results.service';
import { UPSTREAM_PAGE_SIZE } from './tree-window';

/** The service's configuration: an unreachable iSales, no access control, and `env` on top. */
const configWith = (env: Record<string, string>) =>
  loadConfig({ ISALES_BASE_URL: 'http://127.0.0.1:1', ISALES_AK: 'ak', ISALES_SK: 'sk', AUTH_DISABLED: 'true', ...env });

type Definition = { code: string; name: string; children: Array<{ code: string; name: string }> };

/** iSales as the service sees it: a list that adds at its end (or, `newestFirst`, at its start), and the pages asked for. */
function fakeIsales(existing: number, newestFirst = false) {
  const list: Definition[] = Array.from({ length: existing }, (_, i) => ({ code: `c${i}`, name: `n${i}`, children: [] }));
  const pages: Array<{ pageNum: number; pageSize: number }> = [];
  const client = {
    addBusinessResult: async (_vdnId: number, input: { name: string; code?: string; children?: Array<{ name: string; code?: string }> }) => {
      const added = {
        code: input.code ?? `made-${list.length}`,
        name: input.name,
        children: (input.children ?? []).map((child, i) => ({ code: child.code ?? `made-${list.length}-${i}`, name: child.name })),
      };
      if (newestFirst) list.unshift(added);
      else list.push(added);
    },
    listBusinessResults: async (_vdnId: number, query: { pageNum: number; pageSize: number }) => {
      pages.push(query);
      const start = (query.pageNum - 1) * query.pageSize;
      return { items: list.slice(start, start + query.pageSize) as unknown as IsalesBusinessResult[], total: list.length };
    },
  };
  return { client: client as unknown as IsalesClient, pages };
}

describe('BusinessResultsService.create', () => {
  const config = configWith({});
  const services: BusinessResultsService[] = [];
  const serviceOn = (client: IsalesClient) => {
    const service = new BusinessResultsService(client, new MemoryCacheStore(), config);
    services.push(service);
    return service;
  };
  beforeAll(() => Logger.overrideLogger(false));
  afterEach(() => services.splice(0).forEach((service) => service.onModuleDestroy()));

  it.each([10, 10_000])('reads back the new definition from two one-definition pages, however many the VDN holds (%i)', async (existing) => {
    const { client, pages } = fakeIsales(existing);
    const added = await serviceOn(client).create(1, { name: 'new', children: [{ name: 'child' }] });
    expect(added).toEqual({ code: `made-${existing}`, name: 'new', children: [{ code: `made-${existing}-0`, name: 'child' }] });
    expect(pages).toEqual([
      { pageNum: 1, pageSize: 1 },
      { pageNum: existing + 1, pageSize: 1 },
    ]);
  });

  it('finds it first when iSales lists the newest first, and answers it as sent when it finds it nowhere', async () => {
    const newest = fakeIsales(5, true);
    expect(await serviceOn(newest.client).create(1, { name: 'new', code: 'x1' })).toEqual({ code: 'x1', name: 'new', children: [] });
    expect(newest.pages).toHaveLength(2);

    const { client } = fakeIsales(5);
    const hidden = { ...client, listBusinessResults: async () => ({ items: [], total: 0 }) } as unknown as IsalesClient;
    expect(await serviceOn(hidden).create(1, { name: 'new', children: [{ name: 'c' }] })).toEqual({
      code: null,
      name: 'new',
      children: [{ code: null, name: 'c' }],
    });
  });
});

describe('BusinessResultsService: the refresh after a write', () => {
  const withLimit = (maxBytes: number) => configWith({ BUSINESS_RESULTS_MAX_BYTES: String(maxBytes) });
  let service: BusinessResultsService | undefined;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    service?.onModuleDestroy();
    jest.useRealTimers();
  });

  /** Pages of 50 asked for once the refresh interval has passed after a write (the lookups ask for pages of 1). */
  async function treePagesAfterWrite(maxBytes: number, existing: number): Promise<number> {
    const { client, pages } = fakeIsales(existing);
    service = new BusinessResultsService(client, new MemoryCacheStore(), withLimit(maxBytes));
    await service.read(1);
    await service.create(1, { name: 'new' });
    const before = pages.length;
    await jest.advanceTimersByTimeAsync(REFRESH_AFTER_WRITE_MS);
    return pages.slice(before).filter((page) => page.pageSize === UPSTREAM_PAGE_SIZE).length;
  }

  it('fetches the tree again in the background when it fits the cache', async () => {
    expect(await treePagesAfterWrite(4 * 1024 * 1024, 120)).toBe(3);
  });

  it('skips a tree last seen over BUSINESS_RESULTS_MAX_BYTES: it would be fetched whole only to be dropped', async () => {
    expect(await treePagesAfterWrite(1024, 120)).toBe(0);
  });
});

describe('BusinessResultsService: a tree over BUSINESS_RESULTS_MAX_BYTES', () => {
  const config = configWith({ BUSINESS_RESULTS_MAX_BYTES: '1024' });
  beforeAll(() => Logger.overrideLogger(false));

  it('is marked once read whole; its pages are then read from the iSales pages they cover, not the whole tree', async () => {
    const { client, pages } = fakeIsales(400);
    const service = new BusinessResultsService(client, new MemoryCacheStore(), config);
    expect(service.isOversize(1)).toBe(false);
    await service.read(1);
    expect(service.isOversize(1)).toBe(true);
    expect(service.isOversize(2)).toBe(false);
    const before = pages.length;
    const window = await service.readWindow(1, 3, 20);
    expect(pages.slice(before)).toEqual([{ pageNum: 3, pageSize: 20 }]);
    expect(JSON.parse(window.body.toString())).toMatchObject({
      page: 3,
      pageSize: 20,
      total: 400,
      items: [{ code: 'c40' }, ...new Array(19).fill(expect.anything())],
    });
    service.onModuleDestroy();
  });
});
