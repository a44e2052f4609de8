import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { connect as tcpConnect } from 'node:net';
import { CacheStore } from '../cache/cache-store';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { IsalesPolicies } from '../upstream/isales-policies';

const PROBE_TIMEOUT_MS = 1000;
const PROBE_CACHE_MS = 5000;

/**
 * Redis and iSales, reported as `up` or `degraded` (never `down`): the gateway keeps serving without
 * either, and a shared outage must not take every replica out of the Service at once.
 */
@Injectable()
export class DependencyIndicators {
  private isalesProbe: { at: number; result: Promise<boolean> } | null = null;

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly store: CacheStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policies: IsalesPolicies,
  ) {}

  async redis() {
    const session = this.health.check('cache');
    if (this.store.kind === 'memory') return session.up({ backend: 'memory' });
    return (await this.store.ping()) ? session.up({ backend: 'redis' }) : session.degraded({ backend: 'redis', reachable: false });
  }

  /**
   * Also the circuit breakers (one per operation and VDN): per operation the worst state, and how many
   * are open (`openCircuits`, never a VDN). An open one degrades the report, never readiness.
   */
  async isales() {
    const session = this.health.check('isales');
    const circuits = this.policies.circuitStates();
    const openCircuits = this.policies.openCircuits();
    const reachable = await this.isalesReachable();
    const healthy = reachable && Object.keys(openCircuits).length === 0;
    return healthy ? session.up({ circuits, openCircuits }) : session.degraded({ reachable, circuits, openCircuits });
  }

  /** A TCP connect to iSales, at most every few seconds: cheap, unsigned, and enough to tell "answers". */
  private isalesReachable(): Promise<boolean> {
    const now = Date.now();
    if (!this.isalesProbe || now - this.isalesProbe.at > PROBE_CACHE_MS) {
      const url = this.config.isales.baseUrl;
      const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
      this.isalesProbe = { at: now, result: probe(url.hostname.replace(/^\[|\]$/g, ''), port) };
    }
    return this.isalesProbe.result;
  }
}

function probe(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port, timeout: PROBE_TIMEOUT_MS });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => finish(true));
    socket.once('timeout', () => finish(false));
    socket.once('error', () => finish(false));
  });
}
