import { Inject, Injectable, Logger } from '@nestjs/common';
import { CacheStore } from '../../cache/cache-store';
import { CacheRead, DocumentCache } from '../../cache/document-cache';
import { AppConfig, APP_CONFIG } from '../../config/configuration';
import { BusinessResultsCacheConfig } from '../../config/cache.config';
import { callDeadlineMs } from '../../config/resilience.config';
import { IsalesClient } from '../../isales/isales.client';
import { recordCacheRead } from '../../telemetry/metrics';
import { toBusinessResult } from './business-result.mapper';
import { BusinessResultsView } from './business-results.view';
import { BusinessResultDto } from './dto/business-result.dto';

/** iSales' maximum pageSize for queryBusinessResults (seed 002). */
export const UPSTREAM_PAGE_SIZE = 50;

/**
 * The whole business-result tree of a VDN, fetched by paging iSales at its maximum page size and
 * served from the shared cache (design section 4): every page and every code lookup comes from it.
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
        lockMs: callDeadlineMs(appConfig) * 2 + 1000,
        pollMs: 25,
      },
      BusinessResultsView.fromJson,
    );
  }

  async read(vdnId: number): Promise<CacheRead<BusinessResultsView>> {
    const read = await this.cache.read(cacheKey(vdnId), () => this.fetchTree(vdnId));
    recordCacheRead(read.state);
    return read;
  }

  drop(vdnId: number): Promise<void> {
    return this.cache.drop(cacheKey(vdnId));
  }

  /** All pages of the tree, normalised and serialised once for the cache. */
  private async fetchTree(vdnId: number): Promise<string> {
    const tree: BusinessResultDto[] = [];
    for (let pageNum = 1; pageNum <= this.config.maxPages; pageNum++) {
      const page = await this.isales.listBusinessResults(vdnId, { pageNum, pageSize: UPSTREAM_PAGE_SIZE });
      tree.push(...page.items.map(toBusinessResult));
      const complete = page.total !== null ? tree.length >= page.total : page.items.length < UPSTREAM_PAGE_SIZE;
      if (complete || page.items.length === 0) return JSON.stringify(tree);
    }
    this.logger.warn({ vdnId, maxPages: this.config.maxPages }, 'business-result tree truncated at BUSINESS_RESULTS_MAX_PAGES');
    return JSON.stringify(tree);
  }
}

/** One versioned key per VDN: bump the version when the stored shape changes. */
export function cacheKey(vdnId: number): string {
  return `business-results:v1:${vdnId}`;
}
