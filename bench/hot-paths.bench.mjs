#!/usr/bin/env node
// The gateway's two hot paths, each beside a bare node:http server doing the same work, in one run:
//   cache-hit     GET .../business-results (cache hits) vs bare node:http + one Redis round trip
//   proxied-read  GET .../file-servers?ids=&page=&pageSize= (varied) vs bare node:http + undici Pool
//                 + C2 signer + reshape, both in front of the same simulator
// and reported as ratios gateway/bare. Not a test: it asserts nothing about speed; it prints a table
// and writes bench/results/<ts>.json. See bench/README.md.
//
//   npm run bench                       (builds first)
//   node bench/hot-paths.bench.mjs      (needs an up-to-date `npm run build`)
import { fork, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkServer, freePort, get, machineLoad, memoryOf, stopAll, tail, track, waitFor } from './support/processes.mjs';
import { fmt, median, pool, printTable } from './support/stats.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'dist');
/** Another build of the gateway can be measured against the same baselines (e.g. a copy of an older dist/). */
const gatewayMain = process.env.BENCH_GATEWAY_MAIN ?? join(dist, 'main.js');
const simulatorModule = join(dist, 'simulator/simulator/simulator.js');

const settings = {
  connections: intEnv('BENCH_CONNECTIONS', 50),
  /** Measured seconds per target and case, split into `rounds` alternating slices. */
  durationS: numEnv('BENCH_DURATION_S', 8),
  rounds: intEnv('BENCH_ROUNDS', 16),
  /** Unmeasured load on each target before its first slice (JIT, connection pools). */
  warmupS: numEnv('BENCH_WARMUP_S', 2),
  /** Unmeasured head of every slice, while its connections open. */
  sliceWarmupS: numEnv('BENCH_SLICE_WARMUP_S', 0.2),
  /** Seconds of mixed load on the gateway alone at the end, before its RSS is read (0: none). */
  soakS: numEnv('BENCH_SOAK_S', 0),
  vdnId: intEnv('BENCH_VDN', 2),
  cases: (process.env.BENCH_CASES ?? 'cache-hit,proxied-read').split(',').map((s) => s.trim()),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  client: process.env.BENCH_CLIENT === 'http' ? 'http' : 'raw',
  /** Sent as X-API-Key on every request; the gateway is started with this key configured. */
  apiKey: process.env.BENCH_API_KEY ?? `bench-${randomBytes(12).toString('hex')}`,
  /** Extra environment for the gateway, as JSON (e.g. '{"BUSINESS_RESULTS_L1_MS":"0"}'). */
  gatewayEnv: JSON.parse(process.env.BENCH_GATEWAY_ENV ?? '{}'),
  /**
   * Node's flags from the image's CMD (the gateway runs as it ships), then extra ones, e.g.
   * "--cpu-prof --cpu-prof-dir=bench/results/prof".
   */
  gatewayNodeArgs: [...imageNodeFlags(), ...(process.env.BENCH_GATEWAY_NODE_ARGS ?? '').split(' ').filter(Boolean)],
  /** The same for the bare servers. */
  bareNodeArgs: (process.env.BENCH_BARE_NODE_ARGS ?? '').split(' ').filter(Boolean),
};
const headers = { 'x-api-key': settings.apiKey };
/** The bare proxy's undici Pool size: the same bound the gateway's transport uses. */
const UPSTREAM_CONNECTIONS = 64;

/** The flags between `node` and `dist/main.js` in the Dockerfile's CMD (exec form). */
function imageNodeFlags() {
  const cmd = readFileSync(join(here, '..', 'Dockerfile'), 'utf8').match(/^CMD (\[.*\])\s*$/m);
  const argv = cmd ? JSON.parse(cmd[1]) : [];
  return argv[0] === 'node' ? argv.slice(1, -1) : [];
}

function intEnv(name, fallback) {
  const value = process.env[name];
  return value ? Number.parseInt(value, 10) : fallback;
}
function numEnv(name, fallback) {
  const value = process.env[name];
  return value ? Number(value) : fallback;
}

// ---------------------------------------------------------------------------------------------
// The pieces

async function startRedis() {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, external: true };
  const port = await freePort();
  const bin = process.env.REDIS_SERVER_BIN ?? 'redis-server';
  const child = track(
    spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] }),
    'redis-server',
  );
  const output = tail(child);
  const spawnError = new Promise((_, reject) => child.once('error', (error) => reject(new Error(`cannot start ${bin}: ${error.message}`))));
  const url = `redis://127.0.0.1:${port}`;
  const { Redis } = require('ioredis');
  const ready = waitFor(
    'redis-server',
    async () => {
      const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } finally {
        client.disconnect();
      }
    },
    { timeoutMs: 5000, child, output },
  );
  await Promise.race([ready, spawnError]);
  return { url, external: false, child };
}

async function startGateway({ redisUrl, keyPrefix, simulatorUrl, ak, sk }, extraEnv = {}) {
  const port = await freePort();
  // The key in the form access control reads it (docs/design.md section 8), so the bench keeps working
  // with authentication on; a gateway without access control ignores it.
  const apiKeys = [{ id: 'bench', sha256: createHash('sha256').update(settings.apiKey).digest('hex'), vdns: [settings.vdnId], scopes: ['isales:read'] }];
  const child = track(
    spawn(process.execPath, [...settings.gatewayNodeArgs, gatewayMain], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        ISALES_BASE_URL: simulatorUrl,
        ISALES_AK: ak,
        ISALES_SK: sk,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: keyPrefix,
        BUSINESS_RESULTS_TTL_S: '3600',
        LOG_LEVEL: settings.logLevel,
        SHUTDOWN_GRACE_MS: '2000',
        AUTH_API_KEYS: JSON.stringify(apiKeys),
        // The production default (metrics on), on any free port so that it never collides.
        METRICS_PORT: '0',
        ...settings.gatewayEnv,
        ...extraEnv,
      },
    }),
    'gateway',
  );
  // Its stdout (one line per request at info) is read and dropped, as a log collector would.
  const output = tail(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor('gateway', async () => (await get(`${base}/health/ready`, { timeoutMs: 1000 })).status === 200, { timeoutMs: 20000, child, output });
  return { base, child, output };
}

let loadGenerator = null;

/** One closed-loop run in the load generator's process (started once, kept for every run). */
function runLoad(base, paths, warmupS, durationS) {
  if (!loadGenerator) {
    loadGenerator = track(fork(join(here, 'load.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' }), 'load');
  }
  const child = loadGenerator;
  return new Promise((resolve, reject) => {
    const exited = (code) => reject(new Error(`load generator exited with ${code}`));
    child.once('exit', exited);
    child.once('message', (message) => {
      child.off('exit', exited);
      if (message.error) reject(new Error(message.error));
      else resolve(message.result);
    });
    child.send({ base, paths, headers, connections: settings.connections, warmupMs: warmupS * 1000, durationMs: durationS * 1000, client: settings.client });
  });
}

async function getOk(url, what) {
  const response = await get(url, { headers, timeoutMs: 20000 });
  if (response.status !== 200) throw new Error(`${what} ${url}: ${response.status} ${response.body.toString().slice(0, 500)}`);
  return response;
}

// ---------------------------------------------------------------------------------------------
// The two cases: each prepares its paths and its bare baseline, and checks they answer alike.

/** Cache hits on five pages of the VDN's tree; the baseline answers the bytes the gateway served. */
async function cacheHitCase({ gateway, redisUrl, keyPrefix }, rateLimit = null) {
  const paths = [1, 2, 3, 4, 5].map((page) => `/api/v1/vdns/${settings.vdnId}/business-results?page=${page}&pageSize=20`);
  await getOk(gateway.base + paths[0], 'cache warm-up'); // the miss that fetches the tree
  const routes = {};
  for (const path of paths) {
    const hit = await getOk(gateway.base + path, 'cache hit');
    if (hit.headers['x-cache'] !== 'hit') throw new Error(`${path}: expected x-cache hit after warm-up, got ${hit.headers['x-cache']}`);
    routes[path] = { body: hit.body.toString('base64'), contentType: hit.headers['content-type'], etag: hit.headers.etag };
  }
  const key = `${keyPrefix}business-results:v1:${settings.vdnId}`;
  const bare = await forkServer(
    join(here, 'bare-cache-server.mjs'),
    rateLimit ? 'bare-cache-limited' : 'bare-cache',
    { redisUrl, key, routes, rateLimit: rateLimit && { ...rateLimit, keyPrefix } },
    settings.bareNodeArgs,
  );
  const base = `http://127.0.0.1:${bare.port}`;
  for (const path of paths) {
    const check = await get(base + path);
    if (check.status !== 200 || check.body.toString('base64') !== routes[path].body || check.headers.etag !== routes[path].etag) {
      throw new Error(`bare cache server does not answer ${path} like the gateway (status ${check.status}, etag ${check.headers.etag})`);
    }
    if (rateLimit && check.headers['ratelimit-limit'] !== String(rateLimit.max)) throw new Error(`bare cache server sends no RateLimit-Limit on ${path}`);
  }
  return { name: rateLimit ? 'cache-hit-limited' : 'cache-hit', paths, bare: { name: rateLimit ? 'bare-redis-limited' : 'bare-redis', base, child: bare.child } };
}

/**
 * Cache hits again, on a second gateway with RATE_LIMIT_MAX set (high enough never to refuse): each
 * request also spends the principal's budget in Redis (@fastify/rate-limit's script). Its baseline
 * runs the same script on the same kind of key per request, beside the HMGET, and sends the same
 * RateLimit-* headers.
 */
async function cacheHitLimitedCase(context) {
  const rateLimit = { max: 1_000_000, windowS: 60 };
  const gateway = await startGateway(context, { RATE_LIMIT_MAX: String(rateLimit.max), RATE_LIMIT_WINDOW_S: String(rateLimit.windowS) });
  const limited = await cacheHitCase({ ...context, gateway }, rateLimit);
  const check = await getOk(gateway.base + limited.paths[0], 'limited gateway');
  if (check.headers['ratelimit-limit'] !== String(rateLimit.max)) throw new Error('the limited gateway sends no RateLimit-Limit');
  return { ...limited, gateway };
}

/**
 * File-server reads over varied ids, page and pageSize: as many distinct paths as four times the
 * connections, so no two concurrent requests are identical and nothing can be coalesced.
 */
async function proxiedReadCase({ gateway, simulatorUrl, ak, sk }) {
  const all = JSON.parse((await getOk(`${gateway.base}/api/v1/vdns/${settings.vdnId}/file-servers?pageSize=100`, 'file servers')).body);
  const ids = all.items.map((server) => server.id);
  const paths = [];
  for (let i = 0; paths.length < settings.connections * 4; i++) {
    const pageSize = 1 + (i % 25);
    if (i % 2 === 0) {
      const chosen = Array.from({ length: 1 + (i % 5) }, (_, j) => ids[(i * 7 + j * 13) % ids.length]);
      paths.push(`/api/v1/vdns/${settings.vdnId}/file-servers?ids=${[...new Set(chosen)].join(',')}&pageSize=${pageSize}`);
    } else {
      paths.push(`/api/v1/vdns/${settings.vdnId}/file-servers?page=${1 + (i % 7)}&pageSize=${pageSize}`);
    }
  }
  const bare = await forkServer(join(here, 'bare-proxy-server.mjs'), 'bare-proxy', { isalesUrl: simulatorUrl, ak, sk, distDir: dist, connections: UPSTREAM_CONNECTIONS }, settings.bareNodeArgs);
  const base = `http://127.0.0.1:${bare.port}`;
  for (const path of paths) {
    const [fromGateway, fromBare] = await Promise.all([getOk(gateway.base + path, 'gateway'), getOk(base + path, 'bare proxy')]);
    if (!fromGateway.body.equals(fromBare.body)) {
      throw new Error(`bare proxy answers ${path} differently:\n gateway ${fromGateway.body.toString().slice(0, 300)}\n bare    ${fromBare.body.toString().slice(0, 300)}`);
    }
  }
  return { name: 'proxied-read', paths, bare: { name: 'bare-undici', base, child: bare.child } };
}

/** Warm-up, then `rounds` measured slices per target in ABBA order, so load from elsewhere hits both alike. */
async function measure(c, gateway) {
  const targets = [
    { name: 'gateway', base: gateway.base, child: gateway.child },
    { name: c.bare.name, base: c.bare.base, child: c.bare.child },
  ];
  console.log(`[bench] ${c.name}: ${c.paths.length} distinct paths, e.g. ${c.paths[0]}`);
  for (const t of targets) await runLoad(t.base, c.paths, settings.warmupS, 0);
  const sliceS = settings.durationS / settings.rounds;
  const slices = targets.map(() => []);
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) slices[i].push(await runLoad(targets[i].base, c.paths, settings.sliceWarmupS, sliceS));
    const [g, b] = slices.map((s) => s[round]);
    console.log(`[bench]   round ${round + 1}/${settings.rounds}: gateway ${(g.ok / sliceS).toFixed(0)} req/s, ${c.bare.name} ${(b.ok / sliceS).toFixed(0)} req/s  (load ${machineLoad()})`);
  }
  const rows = targets.map((t, i) => ({ case: c.name, target: t.name, ...pool(slices[i]), ...memoryOf(t.child.pid) }));
  const roundRatios = slices[0].map((g, i) => (slices[1][i].ok > 0 ? g.ok / slices[1][i].ok : 0));
  const [g, b] = rows;
  return {
    rows,
    ratio: {
      ratio: b.rps > 0 ? g.rps / b.rps : null,
      p99Ratio: b.latencyMs.p99 ? g.latencyMs.p99 / b.latencyMs.p99 : null,
      medianOfRounds: median(roundRatios),
      minOfRounds: Math.min(...roundRatios),
      maxOfRounds: Math.max(...roundRatios),
      rounds: roundRatios,
      load: machineLoad(),
    },
  };
}

async function main() {
  if (!existsSync(gatewayMain) || !existsSync(simulatorModule)) {
    throw new Error('dist/ is missing: run `npm run build` first (or use `npm run bench`, which builds)');
  }
  const startedAt = new Date();
  console.log(
    `[bench] ${settings.cases.join(' + ')}: ${settings.connections} connections, ${settings.warmupS}s warm-up + ${settings.durationS}s per target ` +
      `in ${settings.rounds} alternating rounds, VDN ${settings.vdnId}, ${settings.client} client, gateway LOG_LEVEL=${settings.logLevel}, ` +
      `${os.cpus().length} cpus, load ${machineLoad()}`,
  );

  const redis = await startRedis();
  const ak = 'bench-ak';
  const sk = 'bench-sk-0123456789';
  const simulator = await forkServer(join(here, 'simulator-process.mjs'), 'simulator', { simulatorModule, ak, sk });
  // A per-run prefix, so a shared REDIS_URL is never clobbered; the key is removed at the end.
  const keyPrefix = `isales-gateway-bench-${process.pid}:`;
  try {
    const gateway = await startGateway({ redisUrl: redis.url, keyPrefix, simulatorUrl: simulator.url, ak, sk });
    const context = { gateway, redisUrl: redis.url, keyPrefix, simulatorUrl: simulator.url, ak, sk };
    const builders = { 'cache-hit': cacheHitCase, 'cache-hit-limited': cacheHitLimitedCase, 'proxied-read': proxiedReadCase };
    const cases = [];
    for (const name of settings.cases) {
      if (!builders[name]) throw new Error(`unknown case ${name} in BENCH_CASES (cache-hit, cache-hit-limited, proxied-read)`);
      cases.push(await builders[name](context));
    }

    const rows = [];
    const ratios = {};
    for (const c of cases) {
      const result = await measure(c, c.gateway ?? gateway);
      rows.push(...result.rows);
      ratios[c.name] = result.ratio;
    }
    let soak = null;
    if (settings.soakS > 0) {
      console.log(`[bench] soak: ${settings.soakS}s of mixed load on the gateway alone`);
      const result = await runLoad(gateway.base, cases.flatMap((c) => c.paths), 1, settings.soakS);
      soak = { seconds: settings.soakS, rps: result.ok / settings.soakS, errors: result.errors, ...memoryOf(gateway.child.pid) };
    }

    console.log('');
    printTable(rows);
    console.log('');
    for (const [name, r] of Object.entries(ratios)) {
      console.log(
        `ratio gateway/bare (${name}): ${fmt(r.medianOfRounds)}   pooled ${fmt(r.ratio)}, p99 ${fmt(r.p99Ratio)}x   ` +
          `(${r.rounds.length} paired rounds: min ${fmt(r.minOfRounds)}, max ${fmt(r.maxOfRounds)}; load ${r.load})`,
      );
    }
    if (soak) console.log(`soak: ${fmt(soak.rps, 0)} req/s for ${soak.seconds}s, ${soak.errors} errors, gateway RSS ${fmt(soak.rssMb, 0)} MB (peak ${fmt(soak.peakRssMb, 0)} MB)`);
    const failures = rows.filter((r) => r.errors > 0 || (r.case.startsWith('cache-hit') && (r.cacheStates.hit ?? 0) !== r.ok));
    if (failures.length) console.log(`[bench] WARNING: errors or non-hit answers in ${failures.map((r) => `${r.case}/${r.target}`).join(', ')}`);

    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      settings: { ...settings, apiKey: '[generated]' },
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` },
      redis: redis.external ? 'REDIS_URL' : 'private redis-server',
      ratios,
      soak,
      results: rows,
    };
    const dir = join(here, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`[bench] results written to ${relative(process.cwd(), file)}`);
  } finally {
    if (redis.external) {
      try {
        const { Redis } = require('ioredis');
        const client = new Redis(redis.url, { maxRetriesPerRequest: 0 });
        const key = `${keyPrefix}business-results:v1:${settings.vdnId}`;
        await client.del(key, `${key}:lock`);
        client.disconnect();
      } catch {
        // best effort
      }
    }
    await stopAll();
  }
}

main().then(
  () => process.exit(0),
  async (error) => {
    console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll();
    process.exit(1);
  },
);
