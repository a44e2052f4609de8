import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { CacheOperationUnavailableError, CacheStore } from '../../cache/cache-store';
import { mapBounded } from '../../common/async/map-bounded';
import { CacheRead, DocumentCache } from '../../cache/document-cache';
import { AppConfig, APP_CONFIG } from '../../config/configuration';
import { BusinessResultsCacheConfig } from '../../config/cache.config';
import { callDeadlineMs } from '../../config/resilience.config';
import { IsalesClient } from '../../upstream/isales.client';
import { recordCacheRead, recordOversizeTree } from '../../telemetry/metrics';
import { IsalesBusinessResult } from '../../upstream/isales.types';
import { CoalescedRefresh } from './coalesced-refresh';
import { fetchTreeWindow, TreeWindow, UPSTREAM_PAGE_SIZE } from './tree-window';
import { toBusinessResult, toIsalesBusinessResult, toRequestedBusinessResult } from './business-result.mapper';
import { CreateBusinessResultDto } from './dto/create-business-result.dto';
import { BusinessResultsView } from './business-results.view';
import { BusinessResultDto } from './dto/business-result.dto';

/** Pages of one cold tree fetched at once: fast, without taking a tenant's iSales (or the bulkhead) for itself. */
export const UPSTREAM_PAGE_CONCURRENCY = 4;
/**
 * How long after a write the VDN's tree is fetched again in the background: writes within it share
 * one fetch, so a burst of writes costs one tree per interval, not one per write.
 */
export const REFRESH_AFTER_WRITE_MS = 5000;

/**
 * The whole business-result tree of a VDN, fetched by paging iSales at its maximum page size and
 * served from the shared cache (docs/design.md section 4): every page and every code lookup comes from it.
 */
@Injectable()
export class BusinessResultsService implements OnModuleDestroy {
  private readonly logger = new Logger(BusinessResultsService.name);
  private readonly cache: DocumentCache<BusinessResultsView>;
  private readonly config: BusinessResultsCacheConfig;
  private readonly refresh = new CoalescedRefresh(REFRESH_AFTER_WRITE_MS, (vdnId) => this.refreshTree(vdnId));
  /**
   * Keys whose tree was last fetched over BUSINESS_RESULTS_MAX_BYTES. A refresh after a write would
   * fetch and parse such a tree whole only to drop it, every interval, at the other tenants'
   * expense; it is skipped. The next read fetches it anyway and clears the mark if it now fits.
   */
  private readonly oversizeKeys = new Set<string>();

  constructor(
    private readonly isales: IsalesClient,
    store: CacheStore,
    @Inject(APP_CONFIG) appConfig: AppConfig,
  ) {
    this.config = appConfig.businessResults;
    this.cache = new DocumentCache(
      store,
      {
        freshMs: this.config.ttlS * 1000,
        staleMs: this.config.staleS * 1000,
        waitMs: callDeadlineMs(appConfig) + 1000,
        fetchMs: coldFetchMs(callDeadlineMs(appConfig), this.config.maxPages),
        lockMs: callDeadlineMs(appConfig) * 2 + 1000,
        pollMs: 25,
        l1Ms: this.config.l1Ms,
        maxBytes: this.config.maxBytes,
      },
      (text: string) => BusinessResultsView.fromJson(text),
      undefined,
      (key, bytes) => this.oversize(key, bytes),
    );
  }

  onModuleDestroy(): void {
    this.refresh.close();
  }

  async read(vdnId: number): Promise<CacheRead<BusinessResultsView>> {
    const read = await this.cache.read(cacheKey(vdnId), () => this.fetchTree(vdnId));
    recordCacheRead(read.state);
    return read;
  }

  /**
   * Whether this replica last saw the VDN's tree over BUSINESS_RESULTS_MAX_BYTES. Definitions are
   * never removed, so such a tree stays over it: its pages are read one by one (`readWindow`) and
   * its codes are not looked up, so that no read costs a fetch of the whole tree again.
   */
  isOversize(vdnId: number): boolean {
    return this.oversizeKeys.has(cacheKey(vdnId));
  }

  /** A page of an oversize tree from the iSales pages it covers; without a total from iSales, the whole tree as `read` gives it. */
  async readWindow(vdnId: number, page: number, pageSize: number): Promise<TreeWindow> {
    const window = await fetchTreeWindow(this.isales, vdnId, page, pageSize);
    if (window) return window;
    const read = await this.read(vdnId);
    const body = read.value.page(page, pageSize);
    return { body, etag: read.etag };
  }

  /** A hit the L1 answers at once (no promise), or undefined: then `read`. */
  readFromMemory(vdnId: number): CacheRead<BusinessResultsView> | undefined {
    const read = this.cache.readFromMemory(cacheKey(vdnId));
    if (read) recordCacheRead(read.state);
    return read;
  }

  /**
   * Drops the VDN's tree on every replica (Redis and each replica's memory), so the next read
   * anywhere fetches it afresh. The one way to say "this VDN's definitions changed".
   */
  drop(vdnId: number): Promise<void> {
    return this.cache.drop(cacheKey(vdnId));
  }

  /**
   * Adds the definition, drops the VDN's cached tree the way DELETE .../cache does (so no replica
   * serves a tree without it), and answers the definition as iSales now lists it. Its cost does not
   * grow with the tree: the new definition is found among at most two one-definition pages, and
   * the tree is fetched again later, in the background, once for a burst of writes. Once iSales has
   * added it, nothing after fails the request: a Redis or read failure is logged and the
   * definition as sent is answered instead.
   */
  async create(vdnId: number, input: CreateBusinessResultDto): Promise<BusinessResultDto> {
    await this.isales.addBusinessResult(vdnId, toIsalesBusinessResult(input));
    try {
      await this.drop(vdnId);
    } catch (error) {
      if (!(error instanceof CacheOperationUnavailableError)) throw error;
      this.logger.warn({ vdnId }, 'business result added, but the cached tree could not be dropped (Redis unavailable)');
    }
    this.refresh.request(vdnId);
    try {
      const listed = await this.findAdded(vdnId, input);
      if (listed) return listed;
      this.logger.warn({ vdnId }, 'business result added, but iSales does not list it yet');
    } catch (error) {
      this.logger.warn({ vdnId, reason: error instanceof Error ? error.message : String(error) }, 'business result added, but it could not be read back');
    }
    return toRequestedBusinessResult(input);
  }

  /**
   * The new definition as iSales lists it, by its code, or (iSales made the code up) by its name.
   * iSales lists definitions in the order they were added (docs/isales/operations.md), so it is the
   * last one: the first one-definition page tells the total, the page at the total is the last
   * definition. The first is checked too, should a server list newest first.
   */
  private async findAdded(vdnId: number, input: CreateBusinessResultDto): Promise<BusinessResultDto | undefined> {
    const isAdded = (result: IsalesBusinessResult | undefined) =>
      result !== undefined && (input.code !== undefined ? result.code === input.code : result.name === input.name);
    const first = await this.isales.listBusinessResults(vdnId, { pageNum: 1, pageSize: 1 });
    if (first.total !== null && first.total > 1) {
      const last = (await this.isales.listBusinessResults(vdnId, { pageNum: first.total, pageSize: 1 })).items[0];
      if (isAdded(last)) return toBusinessResult(last);
    }
    return isAdded(first.items[0]) ? toBusinessResult(first.items[0]) : undefined;
  }

  /** The background fetch after writes: through the cache, so it joins any read fetching the same tree. */
  private async refreshTree(vdnId: number): Promise<void> {
    if (this.oversizeKeys.has(cacheKey(vdnId))) return;
    try {
      await this.cache.read(cacheKey(vdnId), () => this.fetchTree(vdnId));
    } catch (error) {
      this.logger.warn({ vdnId, reason: error instanceof Error ? error.message : String(error) }, 'business-result tree not refreshed after a write');
    }
  }

  private oversize(key: string, bytes: number): void {
    this.oversizeKeys.add(key);
    recordOversizeTree();
    this.logger.warn(
      { key, bytes, maxBytes: this.config.maxBytes },
      'business-result tree larger than BUSINESS_RESULTS_MAX_BYTES: served from iSales, not cached',
    );
  }

  /**
   * All pages of the tree, normalised and serialised once for the cache. The first page tells the
   * total, and the others are then fetched a few at a time; without a total, one after another.
   */
  private async fetchTree(vdnId: number): Promise<string> {
    const fetchPage = (pageNum: number) => this.isales.listBusinessResults(vdnId, { pageNum, pageSize: UPSTREAM_PAGE_SIZE });
    const first = await fetchPage(1);
    const tree: BusinessResultDto[] = first.items.map(toBusinessResult);
    if (first.total === null) return this.fetchRemainingInTurn(vdnId, tree, first.items.length);
    const pages = Math.ceil(first.total / UPSTREAM_PAGE_SIZE);
    if (pages > this.config.maxPages) this.warnTruncated(vdnId);
    const rest = Array.from({ length: Math.min(pages, this.config.maxPages) - 1 }, (_, i) => i + 2);
    for (const page of await mapBounded(rest, UPSTREAM_PAGE_CONCURRENCY, fetchPage)) tree.push(...page.items.map(toBusinessResult));
    return this.fetched(vdnId, tree);
  }

  /** When iSales sends no total (dropCount), a short page is the last one. */
  private async fetchRemainingInTurn(vdnId: number, tree: BusinessResultDto[], firstPageLength: number): Promise<string> {
    let length = firstPageLength;
    for (let pageNum = 2; length === UPSTREAM_PAGE_SIZE; pageNum++) {
      if (pageNum > this.config.maxPages) {
        this.warnTruncated(vdnId);
        break;
      }
      const page = await this.isales.listBusinessResults(vdnId, { pageNum, pageSize: UPSTREAM_PAGE_SIZE });
      tree.push(...page.items.map(toBusinessResult));
      length = page.items.length;
    }
    return this.fetched(vdnId, tree);
  }

  /** The tree as the cache stores it; whether it is over the limit again, the cache says (`oversize`). */
  private fetched(vdnId: number, tree: BusinessResultDto[]): string {
    this.oversizeKeys.delete(cacheKey(vdnId));
    return JSON.stringify(tree);
  }

  private warnTruncated(vdnId: number): void {
    this.logger.warn({ vdnId, maxPages: this.config.maxPages }, 'business-result tree truncated at BUSINESS_RESULTS_MAX_PAGES');
  }
}

/**
 * The longest a cold tree's fetch may take: every page within its own deadline, one after another
 * (the worst case, when iSales sends no total), plus a second for storing it.
 */
export function coldFetchMs(deadlineMs: number, maxPages: number): number {
  return deadlineMs * maxPages + 1000;
}

/** The keys made so far, one per VDN id (at most 9 999: the ids the routes take): a read looks its key up rather than building it. */
const keys = new Map<number, string>();

/** One versioned key per VDN: bump the version when the stored shape changes. */
export function cacheKey(vdnId: number): string {
  let key = keys.get(vdnId);
  if (key === undefined) {
    key = `business-results:v1:${vdnId}`;
    // A key made once and kept has its hash computed once, for every map it is looked up in.
    if (Number.isInteger(vdnId) && vdnId >= 1 && vdnId <= 9999) keys.set(vdnId, key);
  }
  return key;
}
