// The cache-hit baseline: a bare node:http server that answers the business-results route from the same Redis
// with the minimum work any server must do on a cache hit. Per request it reads the cache entry's
// metadata (`HMGET <key> meta`, exactly the one command the gateway issues on a hit), parses it,
// checks freshness, and writes the response bytes the gateway produced (captured once at startup)
// with the same content-type, etag and cache-control. No routing framework, validation, logging,
// request ids or hooks.
//
// With `rateLimit` (the cache-hit-limited case), it also spends a budget per request exactly as the
// gateway's limiter does (@fastify/rate-limit's own Redis script, through its RedisStore, on a key of
// the same shape), sent with the HMGET, and adds the same RateLimit-* headers.
//
// Run as a child process (fork). Parent -> child (IPC):
//   { redisUrl, key, routes: { "<path?query>": { body: "<base64>", contentType } }, rateLimit?: { max, windowS, keyPrefix } }
// Child -> parent: { port } once listening.
import http from 'node:http';
import { createRequire } from 'node:module';
import { serve } from './support/serve.mjs';

const require = createRequire(import.meta.url);
const { Redis } = require('ioredis');

process.once('message', ({ redisUrl, key, routes, rateLimit }) => {
  const redis = new Redis(redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 1 });
  const RedisStore = require('@fastify/rate-limit/store/RedisStore');
  const store = rateLimit && new RedisStore(false, false, redis, `${rateLimit.keyPrefix}rate-limit:`);
  const spend = () =>
    new Promise((resolve, reject) =>
      store.incr('bare-principal', (error, result) => (error ? reject(error) : resolve(result)), rateLimit.windowS * 1000, rateLimit.max),
    );
  const table = new Map(Object.entries(routes).map(([path, route]) => [path, { body: Buffer.from(route.body, 'base64'), contentType: route.contentType }]));

  const server = http.createServer((req, res) => {
    const route = req.method === 'GET' ? table.get(req.url) : undefined;
    if (!route) {
      res.writeHead(404, { 'content-length': '0' }).end();
      return;
    }
    Promise.all([redis.hmget(key, 'meta'), store ? spend() : null]).then(
      ([[text], budget]) => {
        const meta = text ? JSON.parse(text) : null;
        const now = Date.now();
        if (!meta || now >= meta.freshUntil) {
          res.writeHead(503, { 'content-length': '0' }).end();
          return;
        }
        res.writeHead(200, {
          'content-type': route.contentType,
          'content-length': route.body.length,
          etag: meta.etag,
          'cache-control': `private, max-age=${Math.max(0, Math.floor((meta.freshUntil - now) / 1000))}`,
          'x-cache': 'hit',
          ...(budget && {
            'ratelimit-limit': rateLimit.max,
            'ratelimit-remaining': Math.max(0, rateLimit.max - budget.current),
            'ratelimit-reset': Math.ceil(budget.ttl / 1000),
          }),
        });
        res.end(route.body);
      },
      () => {
        res.writeHead(503, { 'content-length': '0' }).end();
      },
    );
  });
  serve(server, 60_000, () => redis.disconnect());
});
