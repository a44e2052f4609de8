// The cache-hit floor: a hand-written node:http server doing the gateway's observable work for
// GET /api/v1/vdns/{vdnId}/business-results?page=&pageSize= on a cache hit, and nothing more: the
// request id, the API-key check, the page from memory (the tree read once from Redis, as the
// gateway's L1 holds it, each page rendered once as the gateway renders it), the gateway's headers
// (helmet's included), one histogram observation (and the cache-read counter), one access-log line.
//
// Run as a child process (fork). Parent -> child (IPC):
//   { redisUrl, key, vdnId, distDir, apiKeys, staticHeaders, keepAliveTimeoutMs }
// Child -> parent: { port } once listening.
import http from 'node:http';
import { createRequire } from 'node:module';
import { floorEdge } from './support/floor-edge.mjs';
import { serve } from './support/serve.mjs';

const require = createRequire(import.meta.url);
const { Redis } = require('ioredis');

const ROUTE = '/api/v1/vdns/:vdnId/business-results';
const PATH = /^\/api\/v1\/vdns\/(\d{1,9})\/business-results$/;
const PAGE = /^[1-9]\d{0,5}$/;
const MAX_PAGE = 100000;
const MAX_PAGE_SIZE = 100;

/** The tree's parents as JSON texts and the pages rendered from them, as the gateway's view keeps them. */
function treeView(text) {
  const parents = JSON.parse(text).map((parent) => JSON.stringify(parent));
  const pages = new Map();
  return (page, pageSize) => {
    const key = `${page}:${pageSize}`;
    let body = pages.get(key);
    if (!body) {
      const start = (page - 1) * pageSize;
      body = Buffer.from(`{"items":[${parents.slice(start, start + pageSize).join(',')}],"page":${page},"pageSize":${pageSize},"total":${parents.length}}`);
      if (pages.size < 64) pages.set(key, body);
    }
    return body;
  };
}

/** page and pageSize, or null when either is not an integer in range (the gateway answers 400). */
function pageQuery(search) {
  const query = new URLSearchParams(search);
  const page = query.get('page') ?? '1';
  const pageSize = query.get('pageSize') ?? '20';
  if (!PAGE.test(page) || !PAGE.test(pageSize) || Number(page) > MAX_PAGE || Number(pageSize) > MAX_PAGE_SIZE) return null;
  return { page: Number(page), pageSize: Number(pageSize) };
}

process.once('message', async ({ redisUrl, key, vdnId, distDir, apiKeys, staticHeaders, keepAliveTimeoutMs }) => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const [metaText, treeText] = await redis.hmget(key, 'meta', 'tree');
  redis.disconnect();
  if (!metaText || !treeText) {
    process.send({ error: `no cached tree at ${key}` });
    return;
  }
  const meta = JSON.parse(metaText);
  const page = treeView(treeText);
  const edge = floorEdge({ distDir, apiKeys, staticHeaders });
  const ok = edge.httpSeries('GET', ROUTE, 200);
  const hits = edge.cacheSeries('hit');

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const admitted = edge.admit(req, res, PATH, vdnId, pageQuery);
    if (!admitted) return;
    const { requestId, principal, query } = admitted;
    const body = page(query.page, query.pageSize);
    hits.inc();
    const freshForS = Math.max(0, Math.floor((meta.freshUntil - Date.now()) / 1000));
    res.writeHead(
      200,
      edge.headers([
        'x-request-id',
        requestId,
        'etag',
        meta.etag,
        'cache-control',
        `private, max-age=${freshForS}`,
        'x-cache',
        'hit',
        'content-type',
        'application/json; charset=utf-8',
        'content-length',
        String(body.length),
      ]),
    );
    res.end(body);
    const ms = performance.now() - started;
    ok.observe(ms / 1000);
    edge.log.write({
      requestId,
      method: 'GET',
      url: req.url,
      route: ROUTE,
      client: req.socket.remoteAddress,
      status: 200,
      principal: principal.id,
      ms: Math.round(ms * 10) / 10,
    });
  });
  serve(server, keepAliveTimeoutMs, () => edge.log.flushSync());
});
