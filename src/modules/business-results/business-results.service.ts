import { Inject, Injectable, Logger } from '@nestjs/common';
import { CacheOperationUnavailableError, CacheStore } from '../../cache/cache-store';
import { CacheRead, DocumentCache } from '../../cache/document-cache';
import { AppConfig, APP_CONFIG } from '../../config/configuration';
import { BusinessResultsCacheConfig } from '../../config/cache.config';
import { IsalesClient } from '../../isales/isales.client';
import { toBusinessResult, toIsalesBusinessResult, toRequestedBusinessResult } from './business-result.mapper';
import { CreateBusinessResultDto } from './dto/create-business-result.dto';
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
        waitMs: appConfig.isales.timeoutMs + 1000,
        lockMs: appConfig.isales.timeoutMs * 2 + 1000,
        pollMs: 25,
      },
      BusinessResultsView.fromJson,
    );
  }

  read(vdnId: number): Promise<CacheRead<BusinessResultsView>> {
    return this.cache.read(cacheKey(vdnId), () => this.fetchTree(vdnId));
  }

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

/** The new definition in the tree: by its code, or (iSales made the code up) the last parent of that name. */
function findAdded(view: BusinessResultsView, input: CreateBusinessResultDto): BusinessResultDto | undefined {
  const tree = (JSON.parse(view.page(1, Math.max(1, view.total)).toString()) as { items: BusinessResultDto[] }).items;
  if (input.code !== undefined) return tree.find((parent) => parent.code === input.code);
  return tree.findLast((parent) => parent.name === input.name);
}

/** One versioned key per VDN: bump the version when the stored shape changes. */
export function cacheKey(vdnId: number): string {
  return `business-results:v1:${vdnId}`;
}
