#!/usr/bin/env node
// Cache-hit throughput of GET /api/v1/vdns/{vdnId}/business-results beside a bare node:http server
// answering the same bytes from the same Redis, in one run, reported as a ratio gateway/bare.
// Not a test: it asserts nothing about speed; it prints a table and writes bench/results/<ts>.json.
//
//   npm run bench                     (builds first)
//   node bench/business-results-hit.bench.mjs   (needs an up-to-date `npm run build`)
//
// The targets never run at the same time. Each gets BENCH_DURATION_S measured seconds per case,
// split into BENCH_ROUNDS slices that alternate gateway/bare (ABBA order), so a burst of load from
// elsewhere on the machine hits both alike instead of one whole run.
//
// Knobs (environment): BENCH_CONNECTIONS (50), BENCH_DURATION_S (5), BENCH_ROUNDS (5),
// BENCH_WARMUP_S (1), BENCH_SLICE_WARMUP_S (0.2),
// BENCH_VDN (2), BENCH_PAGE_SIZES ("20,100"), BENCH_LOG_LEVEL ("warn"), BENCH_CLIENT ("raw" | "http"), REDIS_URL (else a private
// redis-server is started on a free port), REDIS_SERVER_BIN ("redis-server").
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const gatewayMain = join(root, 'dist/main.js');
const simulatorModule = join(root, 'dist/simulator/simulator/simulator.js');

const settings = {
  connections: intEnv('BENCH_CONNECTIONS', 50),
  /** Measured seconds per target and case, split into `rounds` alternating slices. */
  durationS: numEnv('BENCH_DURATION_S', 5),
  rounds: intEnv('BENCH_ROUNDS', 5),
  /** Unmeasured load on each target before its first slice (JIT, connection pools). */
  warmupS: numEnv('BENCH_WARMUP_S', 1),
  /** Unmeasured head of every slice, while its connections open. */
  sliceWarmupS: numEnv('BENCH_SLICE_WARMUP_S', 0.2),
  vdnId: intEnv('BENCH_VDN', 2),
  pageSizes: (process.env.BENCH_PAGE_SIZES ?? '20,100').split(',').map((s) => Number(s.trim())).filter((n) => n > 0),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn',
  client: process.env.BENCH_CLIENT === 'http' ? 'http' : 'raw',
};

function intEnv(name, fallback) {
  const value = process.env[name];
  return value ? Number.parseInt(value, 10) : fallback;
}
function numEnv(name, fallback) {
  const value = process.env[name];
  return value ? Number(value) : fallback;
}

// ---------------------------------------------------------------------------------------------
// Child processes: every one is tracked and killed on the way out, also on failure or Ctrl-C.

const children = new Set();

function track(child, name) {
  child.benchName = name;
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stopChild(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

async function stopAll() {
  await Promise.all([...children].map((child) => stopChild(child)));
}

process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n[bench] ${signal}: stopping child processes`);
    stopAll().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One GET with a fresh connection; resolves with status, headers and the body bytes. */
function get(url, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    req.on('error', reject);
  });
}

/** Keeps the last few KB a child wrote, to explain a failure. */
function tail(child) {
  let text = '';
  const keep = (chunk) => {
    text = (text + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

async function waitFor(what, probe, { timeoutMs, child, output }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${what}: the process exited (${child.exitCode ?? child.signalCode}) before it was ready\n${output?.() ?? ''}`);
    }
    try {
      if (await probe()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs} ms\n${output?.() ?? ''}`);
    await sleep(100);
  }
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

async function startGateway({ redisUrl, keyPrefix, simulatorUrl, ak, sk }) {
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [gatewayMain], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        // The production default (metrics on), on any free port so that it never collides.
        METRICS_PORT: '0',
        ISALES_BASE_URL: simulatorUrl,
        ISALES_AK: ak,
        ISALES_SK: sk,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: keyPrefix,
        BUSINESS_RESULTS_TTL_S: '3600',
        LOG_LEVEL: settings.logLevel,
        SHUTDOWN_GRACE_MS: '2000',
      },
    }),
    'gateway',
  );
  const output = tail(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor('gateway', async () => (await get(`${base}/health/ready`, 1000)).status === 200, { timeoutMs: 20000, child, output });
  return { base, child, output };
}

async function startBare({ redisUrl, key, routes }) {
  const child = track(fork(join(here, 'bare-server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }), 'bare-node-http');
  const port = await new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`bare server exited (${code}) before listening`)));
    child.send({ redisUrl, key, routes });
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

function runLoad(url, warmupS, durationS) {
  const child = track(fork(join(here, 'load.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' }), 'load');
  return new Promise((resolve, reject) => {
    child.once('message', (message) => (message.error ? reject(new Error(message.error)) : resolve(message.result)));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
    child.send({ url, connections: settings.connections, warmupMs: warmupS * 1000, durationMs: durationS * 1000, client: settings.client });
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function addCounts(into, from) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** Pools the slices of one target: req/s over the measured time, latency percentiles over all responses. */
function pool(slices) {
  const total = { ok: 0, errors: 0, requests: 0, bytes: 0, measuredS: 0, statuses: {}, cacheStates: {} };
  const latencies = new Float64Array(slices.reduce((n, s) => n + s.latencies.length, 0));
  let at = 0;
  for (const s of slices) {
    total.ok += s.ok;
    total.errors += s.errors;
    total.requests += s.requests;
    total.bytes += s.bytes;
    total.measuredS += s.elapsedMs / 1000;
    addCounts(total.statuses, s.statuses);
    addCounts(total.cacheStates, s.cacheStates);
    latencies.set(s.latencies, at);
    at += s.latencies.length;
  }
  latencies.sort();
  let sum = 0;
  for (const l of latencies) sum += l;
  return {
    ...total,
    rps: total.ok / total.measuredS,
    perSliceRps: slices.map((s) => s.ok / (s.elapsedMs / 1000)),
    latencyMs: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies.length ? latencies[latencies.length - 1] : null,
      mean: latencies.length ? sum / latencies.length : null,
    },
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ---------------------------------------------------------------------------------------------

function fmt(value, digits = 2) {
  return value === null || value === undefined ? '-' : value.toFixed(digits);
}

function printTable(rows) {
  const header = ['case', 'target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'x-cache'];
  const lines = rows.map((r) => [
    r.case,
    r.target,
    fmt(r.rps, 0),
    fmt(r.latencyMs.p50),
    fmt(r.latencyMs.p99),
    String(r.errors),
    Object.entries(r.cacheStates).map(([k, v]) => `${k}:${v}`).join(' '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
}

async function main() {
  if (!existsSync(gatewayMain) || !existsSync(simulatorModule)) {
    throw new Error('dist/ is missing: run `npm run build` first (or use `npm run bench`, which builds)');
  }
  const startedAt = new Date();
  console.log(
    `[bench] business-results cache hits: ${settings.connections} connections, ${settings.warmupS}s warm-up + ${settings.durationS}s per target in ${settings.rounds} alternating rounds, ` +
      `VDN ${settings.vdnId}, pageSize ${settings.pageSizes.join(' and ')}, ${settings.client} client, gateway LOG_LEVEL=${settings.logLevel}`,
  );

  const redis = await startRedis();
  console.log(`[bench] redis: ${redis.external ? `${redis.url} (REDIS_URL)` : `private redis-server on ${redis.url}`}`);

  const { createSimulator } = require(simulatorModule);
  const ak = 'bench-ak';
  const sk = 'bench-sk-0123456789';
  const simulator = createSimulator({ ak, sk });
  await simulator.listen(0, '127.0.0.1');

  // A per-run prefix, so a shared REDIS_URL is never clobbered; the key is removed at the end.
  const keyPrefix = `isales-gateway-bench-${process.pid}:`;
  const key = `${keyPrefix}business-results:v1:${settings.vdnId}`;
  let gateway;
  let bare;
  try {
    gateway = await startGateway({ redisUrl: redis.url, keyPrefix, simulatorUrl: simulator.url, ak, sk });

    // Warm the cache (the first request is the miss that fetches the tree from the simulator),
    // then capture the exact bytes and headers the gateway serves on a hit.
    const cases = [];
    const routes = {};
    for (const pageSize of settings.pageSizes) {
      const path = `/api/v1/vdns/${settings.vdnId}/business-results?page=1&pageSize=${pageSize}`;
      const first = await get(gateway.base + path, 20000);
      if (first.status !== 200) throw new Error(`warm-up ${path}: ${first.status} ${first.body.toString().slice(0, 500)}`);
      const hit = await get(gateway.base + path);
      if (hit.status !== 200 || hit.headers['x-cache'] !== 'hit') {
        throw new Error(`${path}: expected a 200 cache hit after warm-up, got ${hit.status} x-cache=${hit.headers['x-cache']}`);
      }
      routes[path] = { body: hit.body.toString('base64'), contentType: hit.headers['content-type'] };
      cases.push({ name: `pageSize=${pageSize}`, path, bytes: hit.body.length, items: JSON.parse(hit.body.toString()).items?.length, etag: hit.headers.etag });
    }

    bare = await startBare({ redisUrl: redis.url, key, routes });
    for (const c of cases) {
      const check = await get(bare.base + c.path);
      if (check.status !== 200 || !check.body.equals(Buffer.from(routes[c.path].body, 'base64')) || check.headers.etag !== c.etag) {
        throw new Error(`bare server does not answer ${c.path} like the gateway (status ${check.status}, etag ${check.headers.etag})`);
      }
    }

    const rows = [];
    const ratios = {};
    const targets = { gateway: gateway.base, 'bare-node-http': bare.base };
    const sliceS = settings.durationS / settings.rounds;
    for (const c of cases) {
      console.log(`[bench] ${c.name}: ${c.bytes} bytes, ${c.items} items`);
      for (const base of Object.values(targets)) await runLoad(base + c.path, settings.warmupS, 0);
      const slices = { gateway: [], 'bare-node-http': [] };
      for (let round = 0; round < settings.rounds; round++) {
        const order = round % 2 === 0 ? ['gateway', 'bare-node-http'] : ['bare-node-http', 'gateway'];
        for (const target of order) slices[target].push(await runLoad(targets[target] + c.path, settings.sliceWarmupS, sliceS));
        const g = slices.gateway[round];
        const b = slices['bare-node-http'][round];
        console.log(`[bench]   round ${round + 1}/${settings.rounds}: gateway ${(g.ok / sliceS).toFixed(0)} req/s, bare ${(b.ok / sliceS).toFixed(0)} req/s`);
      }
      for (const target of Object.keys(targets)) rows.push({ case: c.name, target, path: c.path, responseBytes: c.bytes, ...pool(slices[target]) });
      const roundRatios = slices.gateway.map((g, i) => (slices['bare-node-http'][i].ok > 0 ? g.ok / slices['bare-node-http'][i].ok : 0));
      const g = rows.at(-2);
      const b = rows.at(-1);
      ratios[c.name] = {
        ratio: b.rps > 0 ? g.rps / b.rps : null,
        medianOfRounds: median(roundRatios),
        minOfRounds: Math.min(...roundRatios),
        maxOfRounds: Math.max(...roundRatios),
        rounds: roundRatios,
      };
    }

    console.log('');
    printTable(rows);
    console.log('');
    for (const [name, r] of Object.entries(ratios)) {
      console.log(
        `ratio gateway/bare-node-http (${name}): ${fmt(r.ratio)}   ` +
          `(per round: median ${fmt(r.medianOfRounds)}, min ${fmt(r.minOfRounds)}, max ${fmt(r.maxOfRounds)})`,
      );
    }
    const failures = rows.filter((r) => r.errors > 0 || (r.cacheStates.hit ?? 0) !== r.ok);
    if (failures.length) console.log(`[bench] WARNING: errors or non-hit answers in ${failures.map((r) => `${r.case}/${r.target}`).join(', ')}`);

    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      settings,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` },
      redis: redis.external ? 'REDIS_URL' : 'private redis-server',
      gatewayLogLevel: settings.logLevel,
      ratios,
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
        await client.del(key, `${key}:lock`);
        client.disconnect();
      } catch {
        // best effort
      }
    }
    await stopAll();
    await simulator.close();
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
