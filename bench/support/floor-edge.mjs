// What every request meets in the floor servers before and after its handler, the gateway's
// observable obligations done the shortest way: the request id, the API-key check (a Map lookup of
// a key verified once), the gateway's headers (given by the runner, copied from a real gateway
// answer), one histogram observation through prom-client's public API, and one access-log line.
import { hash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AccessLog } from './access-log.mjs';

const require = createRequire(import.meta.url);
const { Counter, Histogram, Registry } = require('prom-client');

/** The gateway's rule (src/common/request/request-context.ts): a sane caller id is kept, else one is made. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * config: { distDir, apiKeys: [{ id, sha256, vdns, scopes }], staticHeaders: [[name, value], ...] }.
 * Metric names, help and buckets come from the gateway's own list, so /metrics would read the same.
 */
export function floorEdge({ distDir, apiKeys, staticHeaders }) {
  const { METRICS } = require(join(distDir, 'telemetry/metric-names.js'));
  const registry = new Registry();
  const metric = (Kind, spec) => new Kind({ ...spec, buckets: spec.buckets && [...spec.buckets], labelNames: [...spec.labelNames], registers: [registry] });
  const httpDuration = metric(Histogram, METRICS.httpRequestDuration);
  const isalesDuration = metric(Histogram, METRICS.isalesRequestDuration);
  const cacheReads = metric(Counter, METRICS.businessResultsCache);
  const log = new AccessLog();

  const configured = apiKeys.map((entry) => ({
    principal: { id: `key:${entry.id}`, vdns: new Set(entry.vdns), scopes: new Set(entry.scopes) },
    digest: Buffer.from(entry.sha256, 'hex'),
  }));
  const verified = new Map();
  const principalOf = (key) => {
    if (typeof key !== 'string' || key.length === 0 || key.length > 512) return undefined;
    let principal = verified.get(key);
    if (principal === undefined) {
      const digest = hash('sha256', key, 'buffer');
      principal = configured.find((entry) => timingSafeEqual(digest, entry.digest))?.principal;
      if (principal) verified.set(key, principal);
    }
    return principal;
  };

  const flatStatic = staticHeaders.flat();
  const headers = (own) => flatStatic.concat(own);
  const requestId = (req) => {
    const id = req.headers['x-request-id'];
    return typeof id === 'string' && SANE_REQUEST_ID.test(id) ? id : randomUUID();
  };
  const authorize = (req, vdnId, scope) => {
    const principal = principalOf(req.headers['x-api-key']);
    return principal && principal.vdns.has(vdnId) && principal.scopes.has(scope) ? principal : undefined;
  };
  /** A refusal with the gateway's headers and a stand-in body (the floors are only ever sent good requests). */
  const refuse = (res, status, id) => {
    res.writeHead(status, headers(['content-type', 'application/problem+json', 'content-length', '2', 'x-request-id', id])).end('{}');
  };
  return {
    /** The request id to answer and log: the caller's when sane, else a new UUID. */
    requestId,
    /** The principal allowed `scope` on `vdnId`, or undefined. */
    authorize,
    /** The gateway's fixed headers (helmet's among them) followed by `own`, as one flat list for writeHead. */
    headers,
    refuse,
    /**
     * A GET of `path` (its first group the VDN) on `vdnId` by a principal with isales:read, whose query
     * `parseQuery` accepts, as the gateway's edge and validation take it: `{ requestId, principal,
     * query }`, or undefined once a 404, 401 or 400 is sent.
     */
    admit(req, res, path, vdnId, parseQuery) {
      const id = requestId(req);
      const q = req.url.indexOf('?');
      const match = req.method === 'GET' ? path.exec(q < 0 ? req.url : req.url.slice(0, q)) : null;
      if (!match || Number(match[1]) !== vdnId) return refuse(res, 404, id);
      const principal = authorize(req, vdnId, 'isales:read');
      if (!principal) return refuse(res, 401, id);
      const query = parseQuery(q < 0 ? '' : req.url.slice(q + 1));
      if (!query) return refuse(res, 400, id);
      return { requestId: id, principal, query };
    },
    /** A series of http_server_request_duration_seconds, bound once per route and status. */
    httpSeries(method, route, status) {
      return httpDuration.labels(method, route, String(status));
    },
    isalesSeries(operation, outcome) {
      return isalesDuration.labels(operation, outcome);
    },
    cacheSeries(state) {
      return cacheReads.labels(state);
    },
    log,
  };
}
