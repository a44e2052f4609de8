// The proxied-read floor: a hand-written node:http server doing the gateway's observable work for
// GET /api/v1/vdns/{vdnId}/file-servers?ids=&page=&pageSize=, and nothing more: the request id, the
// API-key check, the query checked by hand, iSales' body, the gateway's C2 signer, one call through
// an undici Pool (with the gateway's own exchange, so the transport costs both the same), the
// envelope parsed and checked, the gateway's mapper, JSON.stringify, the gateway's headers, the
// http and iSales histogram observations and one access-log line naming the upstream call.
//
// Run as a child process (fork). Parent -> child (IPC):
//   { isalesUrl, ak, sk, distDir, connections, vdnId, apiKeys, staticHeaders, keepAliveTimeoutMs }
// Child -> parent: { port } once listening.
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { floorEdge } from './support/floor-edge.mjs';
import { serve } from './support/serve.mjs';

const require = createRequire(import.meta.url);
const { Pool } = require('undici');

const ROUTE = '/api/v1/vdns/:vdnId/file-servers';
const PATH = /^\/api\/v1\/vdns\/(\d{1,9})\/file-servers$/;
const NUMBER = /^[1-9]\d{0,5}$/;
const IDS = /^[0-9]{1,64}(,[0-9]{1,64}){0,99}$/;
const MAX_PAGE = 100000;
const MAX_PAGE_SIZE = 100;
const OK = '0200000';

/** { page, pageSize, ids }, or null when the gateway would answer 400. */
function fileServerQuery(search) {
  const query = new URLSearchParams(search);
  const page = query.get('page') ?? '1';
  const pageSize = query.get('pageSize') ?? '20';
  const ids = query.get('ids');
  if (!NUMBER.test(page) || !NUMBER.test(pageSize) || Number(page) > MAX_PAGE || Number(pageSize) > MAX_PAGE_SIZE) return null;
  if (ids !== null && !IDS.test(ids)) return null;
  return { page: Number(page), pageSize: Number(pageSize), ids: ids === null ? undefined : ids.split(',') };
}

process.once('message', ({ isalesUrl, ak, sk, distDir, connections, vdnId, apiKeys, staticHeaders, keepAliveTimeoutMs }) => {
  const { signC2 } = require(join(distDir, 'upstream/c2-signer.js'));
  const { toFileServer } = require(join(distDir, 'modules/file-servers/file-server.mapper.js'));
  const { exchange } = require(join(distDir, 'upstream/undici-exchange.js'));
  const base = new URL(isalesUrl);
  const pool = new Pool(base.origin, { connections });
  const credentials = { ak, sk };
  const upstreamPath = `/rest/isales/v1/openapi/campaigns/${vdnId}/file/queryServer`;
  const edge = floorEdge({ distDir, apiKeys, staticHeaders });
  const ok = edge.httpSeries('GET', ROUTE, 200);
  const isalesOk = edge.isalesSeries('queryServer', 'success');

  async function listFileServers(query, requestId) {
    const body = JSON.stringify({ offset: (query.page - 1) * query.pageSize, limit: query.pageSize, serverIds: query.ids });
    const { authorization } = signC2({ method: 'POST', path: upstreamPath, headers: { host: base.host }, body }, credentials, new Date());
    const started = performance.now();
    const response = await exchange(pool, {
      method: 'POST',
      origin: base.origin,
      path: upstreamPath,
      body,
      headers: {
        Host: base.host,
        'Content-Type': 'application/json; charset=UTF-8',
        Accept: 'application/json',
        Authorization: authorization,
        'X-Request-Id': requestId,
      },
      timeoutMs: 10_000,
    });
    const envelope = JSON.parse(response.body);
    if (response.status !== 200 || (envelope.resultCode ?? envelope.returnCode) !== OK) throw new Error(`iSales answered ${response.status}`);
    const ms = performance.now() - started;
    isalesOk.observe(ms / 1000);
    const upstream = [{ operation: 'queryServer', outcome: 'success', code: OK, ms: Math.round(ms * 10) / 10 }];
    return { page: { items: envelope.server.map(toFileServer), page: query.page, pageSize: query.pageSize, total: envelope.count }, upstream };
  }

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const admitted = edge.admit(req, res, PATH, vdnId, fileServerQuery);
    if (!admitted) return;
    const { requestId, principal, query } = admitted;
    listFileServers(query, requestId).then(
      ({ page, upstream }) => {
        const body = JSON.stringify(page);
        res.writeHead(
          200,
          edge.headers(['x-request-id', requestId, 'content-type', 'application/json; charset=utf-8', 'content-length', String(Buffer.byteLength(body))]),
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
          upstream,
          status: 200,
          principal: principal.id,
          ms: Math.round(ms * 10) / 10,
        });
      },
      () => edge.refuse(res, 502, requestId),
    );
  });
  serve(server, keepAliveTimeoutMs, () => {
    edge.log.flushSync();
    pool.destroy();
  });
});
