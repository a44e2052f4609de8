import { Inject, Injectable, Logger } from '@nestjs/common';
import { CacheOperationUnavailableError, CacheStore } from '../../cache/cache-store';
import { mapBounded } from '../../common/async/map-bounded';
import { CacheRead, DocumentCache } from '../../cache/document-cache';
import { AppConfig, APP_CONFIG } from '../../config/configuration';
import { BusinessResultsCacheConfig } from '../../config/cache.config';
import { callDeadlineMs } from '../../config/resilience.config';
import { IsalesClient } from '../../upstream/isales.client';
import { recordCacheRead } from '../../telemetry/metrics';
import { toBusinessResult, toIsalesBusinessResult, toRequestedBusinessResult } from './business-result.mapper';
import { CreateBusinessResultDto } from './dto/create-business-result.dto';
import { BusinessResultsView } from './business-results.view';
import { BusinessResultDto } from './dto/business-result.dto';

/** iSales' maximum pageSize for queryBusinessResults (docs/isales/operations.md#queryBusinessResults). */
export const UPSTREAM_PAGE_SIZE = 50;
/** Pages of one cold tree fetched at once: fast, without taking a tenant's iSales (or the bulkhead) for itself. */
export const UPSTREAM_PAGE_CONCURRENCY = 4;

/**
 * The whole business-result tree of a VDN, fetched by paging iSales at its maximum page size and
 * served from the shared cache (docs/design.md section 4): every page and every code lookup comes from it.
 */
@Injectable()
export class BusinessResultsService {
  private readonly logger = new Logger(BusinessResultsService.name);
  private readonly cache: DocumentCache<BusinessResultsView>;
  private readonly config: BusinessResultsCacheConfig;

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
      },
      (text: string) => BusinessResultsView.fromJson(text),
    );
  }

  async read(vdnId: number): Promise<CacheRead<BusinessResultsView>> {
    const read = await this.cache.read(cacheKey(vdnId), () => this.fetchTree(vdnId));
    recordCacheRead(read.state);
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
   * Adds the definition, drops the VDN's cached tree the way DELETE .../cache does (so every
   * replica reads afresh), and answers the definition as iSales now lists it. Once iSales has
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
    try {
      const listed = findAdded((await this.read(vdnId)).value, input);
      if (listed) return listed;
      this.logger.warn({ vdnId }, 'business result added, but iSales does not list it yet');
    } catch (error) {
      this.logger.warn({ vdnId, reason: error instanceof Error ? error.message : String(error) }, 'business result added, but the tree could not be read');
    }
    return toRequestedBusinessResult(input);
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
    return JSON.stringify(tree);
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
    return JSON.stringify(tree);
  }

  private warnTruncated(vdnId: number): void {
    this.logger.warn({ vdnId, maxPages: this.config.maxPages }, 'business-result tree truncated at BUSINESS_RESULTS_MAX_PAGES');
  }
}

/** The new definition in the tree: by its code, or (iSales made the code up) the last parent of that name. */
function findAdded(view: BusinessResultsView, input: CreateBusinessResultDto): BusinessResultDto | undefined {
  const tree = (JSON.parse(view.page(1, Math.max(1, view.total)).toString()) as { items: BusinessResultDto[] }).items;
  if (input.code !== undefined) return tree.find((parent) => parent.code === input.code);
  return tree.findLast((parent) => parent.name === input.name);
}

/**
 * The longest a cold tree's fetch may take: every page within its own deadline, one after another
 * (the worst case, when iSales sends no total), plus a second for storing it.
 */
export function coldFetchMs(deadlineMs: number, maxPages: number): number {
  return deadlineMs * maxPages + 1000;
}

/** One versioned key per VDN: bump the version when the stored shape changes. */
export function cacheKey(vdnId: number): string {
  return `business-results:v1:${vdnId}`;
}
