import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CacheStore } from '../cache/cache-store';
import { AppConfig, APP_CONFIG } from '../config/configuration';
import { MetricsConfig } from '../config/telemetry.config';
import { registry, setCacheStoreProbe, startDefaultMetrics } from './metrics';

/**
 * Prometheus' own listener on METRICS_PORT: kept off the API port, so that neither the ingress
 * nor a caller ever sees it, and a scrape never waits behind API traffic's guards or rate limits.
 * It opens once the application is ready and closes last on shutdown.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private readonly config: MetricsConfig;
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly store: CacheStore,
  ) {
    this.config = config.telemetry.metrics;
  }

  /** The port it listens on (METRICS_PORT, or the one picked for 0); undefined when off. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    setCacheStoreProbe(() => this.store.ping());
    if (!this.config.enabled) return;
    startDefaultMetrics();
    const server = createServer((request, response) => {
      const path = request.url?.split('?')[0];
      if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: metrics are at /metrics\n');
        return;
      }
      registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (error: unknown) => {
          this.logger.error({ err: error }, 'metrics collection failed');
          response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics collection failed\n');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) => reject(new Error(`METRICS_PORT ${this.config.port}: ${error.message}`)));
      server.listen(this.config.port, this.config.host, resolve);
    });
    this.server = server;
    this.logger.log({ port: this.port }, 'Prometheus metrics at /metrics');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      // Prometheus keeps its connection alive between scrapes: close it rather than wait for it.
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    }
  }
}
