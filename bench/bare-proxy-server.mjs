// The proxied-read baseline: a bare node:http server doing what the gateway does for
// GET /api/v1/vdns/{vdnId}/file-servers?ids=&page=&pageSize=, with nothing else. Per request it turns
// the query into iSales' body, signs it with the gateway's C2 signer, sends it through an undici Pool
// with keep-alive (with the gateway's own lean exchange, so the transport costs both sides the
// same), parses the envelope, reshapes the servers with the gateway's mapper and writes the JSON.
// No framework, validation, logging, request ids, error mapping or hooks.
//
// Run as a child process (fork). Parent -> child (IPC): { isalesUrl, ak, sk, distDir, connections }
// Child -> parent: { port } once listening.
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serve } from './support/serve.mjs';

const require = createRequire(import.meta.url);
const { Pool } = require('undici');

const ROUTE = /^\/api\/v1\/vdns\/(\d{1,4})\/file-servers$/;

process.once('message', ({ isalesUrl, ak, sk, distDir, connections }) => {
  const { signC2 } = require(join(distDir, 'upstream/c2-signer.js'));
  const { toFileServer } = require(join(distDir, 'modules/file-servers/file-server.mapper.js'));
  const { exchange } = require(join(distDir, 'upstream/undici-exchange.js'));
  const base = new URL(isalesUrl);
  const pool = new Pool(base.origin, { connections });

  async function listFileServers(vdnId, query) {
    const page = Number(query.get('page') ?? 1);
    const pageSize = Number(query.get('pageSize') ?? 20);
    const ids = query.get('ids');
    const body = JSON.stringify({ offset: (page - 1) * pageSize, limit: pageSize, serverIds: ids ? ids.split(',') : undefined });
    const path = `/rest/isales/v1/openapi/campaigns/${vdnId}/file/queryServer`;
    const { authorization } = signC2({ method: 'POST', path, headers: { host: base.host }, body }, { ak, sk }, new Date());
    const response = await exchange(pool, {
      method: 'POST',
      origin: base.origin,
      path,
      body,
      headers: { host: base.host, 'content-type': 'application/json; charset=UTF-8', accept: 'application/json', authorization },
      timeoutMs: 10_000,
    });
    const envelope = JSON.parse(response.body);
    if (response.status !== 200 || envelope.resultCode !== '0200000') throw new Error(`iSales answered ${response.status} ${envelope.resultCode}`);
    return { items: envelope.server.map(toFileServer), page, pageSize, total: envelope.count };
  }

  const server = http.createServer((req, res) => {
    const q = req.url.indexOf('?');
    const match = req.method === 'GET' ? ROUTE.exec(q < 0 ? req.url : req.url.slice(0, q)) : null;
    if (!match) {
      res.writeHead(404, { 'content-length': '0' }).end();
      return;
    }
    listFileServers(Number(match[1]), new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1))).then(
      (page) => {
        const body = JSON.stringify(page);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      },
      () => {
        res.writeHead(502, { 'content-length': '0' }).end();
      },
    );
  });
  serve(server, 60_000, () => pool.destroy());
});
