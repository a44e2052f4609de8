// The cases the runner measures: each prepares its paths, starts its floor and raw servers, and
// checks before anything is measured that they answer alike (a floor must do the gateway's
// observable work: the same bytes, headers and access-log line).
import { setTimeout as sleep } from 'node:timers/promises';
import { get } from './processes.mjs';
import { accessLogLine, fixedHeaders, headerDifferences, keepAliveTimeoutMs, logLineDifferences } from './same-work.mjs';

/**
 * The case builders by name, over the runner's pieces: settings, apiKeys (as the gateway is
 * configured), dist (this checkout's build), getOk (a GET with the API key that must answer 200),
 * startServer(module, name, kind, config), startGateway(context, options), upstreamConnections.
 */
export function caseBuilders({ settings, apiKeys, dist, getOk, startServer, startGateway, upstreamConnections: UPSTREAM_CONNECTIONS }) {
  /** A floor must answer every path with the gateway's bytes and headers, and log the same line. */
  async function checkSameWork(c, gateway, floor) {
    for (const [i, path] of c.paths.entries()) {
      // A sane caller id is kept by both; an insane one is replaced by a UUID on both sides.
      const requestId = i % 2 === 0 ? `bench-check-${i}` : 'not a sane id!';
      const [g, f] = await Promise.all([
        getOk(gateway.base + path, gateway.name, { 'x-request-id': requestId }),
        getOk(floor.base + path, floor.name, { 'x-request-id': requestId }),
      ]);
      if (!g.body.equals(f.body)) {
        throw new Error(`${floor.name} answers ${path} differently:\n gateway ${g.body.toString().slice(0, 300)}\n floor   ${f.body.toString().slice(0, 300)}`);
      }
      const differences = headerDifferences(g.headers, f.headers);
      if (differences.length) throw new Error(`${floor.name} sends other headers than ${gateway.name} on ${path}:\n  ${differences.join('\n  ')}`);
    }
    const requestId = `bench-log-check-${c.name}`;
    await Promise.all([
      getOk(gateway.base + c.paths[0], gateway.name, { 'x-request-id': requestId }),
      getOk(floor.base + c.paths[0], floor.name, { 'x-request-id': requestId }),
    ]);
    await sleep(800); // both flush their buffered lines at least every 250 ms
    const differences = logLineDifferences(accessLogLine(gateway.output(), requestId), accessLogLine(floor.output(), requestId));
    if (differences.length) throw new Error(`${floor.name} logs another line than ${gateway.name}:\n  ${differences.join('\n  ')}`);
  }

  /** Cache hits on five pages of the VDN's tree. */
  async function cacheHitCase({ gateways, redisUrl, keyPrefix }) {
    const [gateway] = gateways;
    const paths = [1, 2, 3, 4, 5].map((page) => `/api/v1/vdns/${settings.vdnId}/business-results?page=${page}&pageSize=20`);
    const routes = {};
    for (const g of gateways) await getOk(g.base + paths[0], `${g.name} cache warm-up`); // the miss that fetches the tree
    let sample;
    for (const path of paths) {
      for (const g of gateways) {
        const hit = await getOk(g.base + path, `${g.name} cache hit`);
        if (hit.headers['x-cache'] !== 'hit') throw new Error(`${g.name} ${path}: expected x-cache hit after warm-up, got ${hit.headers['x-cache']}`);
        if (g === gateway) routes[path] = { body: hit.body.toString('base64'), contentType: hit.headers['content-type'], etag: hit.headers.etag };
        sample ??= hit;
      }
    }
    const key = `${keyPrefix}business-results:v1:${settings.vdnId}`;
    const floor = await startServer('floor-cache-server.mjs', 'floor-cache', 'floor', {
      redisUrl,
      key,
      vdnId: settings.vdnId,
      distDir: dist,
      apiKeys,
      staticHeaders: fixedHeaders(sample.headers),
      keepAliveTimeoutMs: keepAliveTimeoutMs(sample.headers),
    });
    const raw = await startServer('bare-cache-server.mjs', 'raw-redis', 'raw', { redisUrl, key, routes });
    for (const path of paths) {
      const check = await get(raw.base + path);
      if (check.status !== 200 || check.body.toString('base64') !== routes[path].body || check.headers.etag !== routes[path].etag) {
        throw new Error(`raw cache server does not answer ${path} like the gateway (status ${check.status}, etag ${check.headers.etag})`);
      }
    }
    const c = { name: 'cache-hit', paths, targets: [...gateways, floor, raw] };
    for (const g of gateways) await checkSameWork(c, g, floor);
    return c;
  }

  /**
   * Cache hits again, on a second gateway with RATE_LIMIT_MAX set (high enough never to refuse): each
   * request also spends the principal's budget in Redis (@fastify/rate-limit's script). Its raw
   * server runs the same script on the same kind of key per request, beside the HMGET, and sends the
   * same RateLimit-* headers. No floor: a limiter's floor is that raw server.
   */
  async function cacheHitLimitedCase(context) {
    const rateLimit = { max: 1_000_000, windowS: 60 };
    const gateway = await startGateway(context, {
      name: 'gateway-limited',
      env: { RATE_LIMIT_MAX: String(rateLimit.max), RATE_LIMIT_WINDOW_S: String(rateLimit.windowS) },
    });
    const paths = [1, 2, 3, 4, 5].map((page) => `/api/v1/vdns/${settings.vdnId}/business-results?page=${page}&pageSize=20`);
    const routes = {};
    await getOk(gateway.base + paths[0], 'limited gateway warm-up');
    for (const path of paths) {
      const hit = await getOk(gateway.base + path, 'limited gateway');
      if (hit.headers['ratelimit-limit'] !== String(rateLimit.max)) throw new Error('the limited gateway sends no RateLimit-Limit');
      routes[path] = { body: hit.body.toString('base64'), contentType: hit.headers['content-type'], etag: hit.headers.etag };
    }
    const key = `${context.keyPrefix}business-results:v1:${settings.vdnId}`;
    const raw = await startServer('bare-cache-server.mjs', 'raw-redis-limited', 'raw', {
      redisUrl: context.redisUrl,
      key,
      routes,
      rateLimit: { ...rateLimit, keyPrefix: context.keyPrefix },
    });
    for (const path of paths) {
      const check = await get(raw.base + path);
      if (check.status !== 200 || check.body.toString('base64') !== routes[path].body || check.headers['ratelimit-limit'] !== String(rateLimit.max)) {
        throw new Error(`raw limited cache server does not answer ${path} like the gateway`);
      }
    }
    return { name: 'cache-hit-limited', paths, targets: [gateway, raw] };
  }

  /**
   * File-server reads over varied ids (5 to 20 of them), page and pageSize: as many distinct paths as
   * four times the connections, so no two concurrent requests are identical and nothing can be coalesced.
   */
  async function proxiedReadCase({ gateways, simulatorUrl, ak, sk }) {
    const [gateway] = gateways;
    const first = await getOk(`${gateway.base}/api/v1/vdns/${settings.vdnId}/file-servers?pageSize=100`, 'file servers');
    const ids = JSON.parse(first.body).items.map((server) => server.id);
    const paths = [];
    for (let i = 0; paths.length < settings.connections * 4; i++) {
      const pageSize = 1 + (i % 25);
      if (i % 2 === 0 && ids.length) {
        const chosen = Array.from({ length: 5 + (i % 16) }, (_, j) => ids[(i * 7 + j * 13) % ids.length]);
        paths.push(`/api/v1/vdns/${settings.vdnId}/file-servers?page=1&pageSize=${pageSize}&ids=${[...new Set(chosen)].join(',')}`);
      } else {
        paths.push(`/api/v1/vdns/${settings.vdnId}/file-servers?page=${1 + (i % 7)}&pageSize=${pageSize}`);
      }
    }
    const upstream = { isalesUrl: simulatorUrl, ak, sk, distDir: dist, connections: UPSTREAM_CONNECTIONS };
    const floor = await startServer('floor-proxy-server.mjs', 'floor-proxy', 'floor', {
      ...upstream,
      vdnId: settings.vdnId,
      apiKeys,
      staticHeaders: fixedHeaders(first.headers),
      keepAliveTimeoutMs: keepAliveTimeoutMs(first.headers),
    });
    const raw = await startServer('bare-proxy-server.mjs', 'raw-undici', 'raw', upstream);
    for (const path of paths) {
      const [fromGateway, fromRaw] = await Promise.all([getOk(gateway.base + path, 'gateway'), getOk(raw.base + path, 'raw proxy')]);
      if (!fromGateway.body.equals(fromRaw.body)) {
        throw new Error(
          `raw proxy answers ${path} differently:\n gateway ${fromGateway.body.toString().slice(0, 300)}\n raw     ${fromRaw.body.toString().slice(0, 300)}`,
        );
      }
    }
    const c = { name: 'proxied-read', paths, targets: [...gateways, floor, raw] };
    for (const g of gateways) await checkSameWork(c, g, floor);
    return c;
  }

  return { 'cache-hit': cacheHitCase, 'cache-hit-limited': cacheHitLimitedCase, 'proxied-read': proxiedReadCase };
}
