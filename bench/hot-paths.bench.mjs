#!/usr/bin/env node
// The gateway's two hot paths, each beside its floor and its raw limit, in one run:
//   cache-hit     GET .../business-results?page=&pageSize= (cache hits)
//   proxied-read  GET .../file-servers?ids=&page=&pageSize= (varied), in front of the simulator
// floor: a hand-written node:http server doing the gateway's observable work (floor-*-server.mjs);
// raw: the bare minimum of the path with none of those obligations (bare-*-server.mjs).
// Per case: req/s and latency at saturation (closed loop, rounds in alternating order), then CPU µs
// per request of each server process (/proc/<pid>/stat) at the same offered rate for all (open
// loop), the server under test pinned to a core of its own. Not a test: it asserts nothing about
// speed; it prints tables and writes bench/results/<ts>.json. See bench/README.md.
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
import { clockTicksPerSecond, cpuMicrosPerRequest } from './support/cpu.mjs';
import { cpuPinning } from './support/pinning.mjs';
import { forkServer, freePort, get, machineLoad, memoryOf, stopAll, tail, track, waitFor } from './support/processes.mjs';
import { caseBuilders } from './support/cases.mjs';
import { fmt, median, pool, printRatios, printTable } from './support/stats.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'dist');
const simulatorModule = join(dist, 'simulator/simulator/simulator.js');

const settings = {
  /** The gateway build measured (another build's dist/main.js for an A/B), and an optional second one beside it. */
  gatewayMain: process.env.BENCH_GATEWAY_MAIN ?? join(dist, 'main.js'),
  gatewayBMain: process.env.BENCH_GATEWAY_B_MAIN || null,
  connections: intEnv('BENCH_CONNECTIONS', 50),
  /** Saturated phase: measured seconds per target and case, split into `rounds` slices in alternating order. */
  durationS: numEnv('BENCH_DURATION_S', 6),
  rounds: intEnv('BENCH_ROUNDS', 6),
  /** Unmeasured load on each target before its first slice (JIT, connection pools). */
  warmupS: numEnv('BENCH_WARMUP_S', 2),
  /** Unmeasured head of every slice, while its connections open. */
  sliceWarmupS: numEnv('BENCH_SLICE_WARMUP_S', 0.3),
  /** Paced phase: measured seconds per target and case at the same offered rate, in `pacedRounds` slices. */
  pacedS: numEnv('BENCH_PACED_S', 12),
  pacedRounds: intEnv('BENCH_PACED_ROUNDS', 4),
  /** The offered rate, as a fraction of the slowest target's saturated req/s (unless BENCH_RATE_<CASE> sets it). */
  rateFraction: numEnv('BENCH_RATE_FRACTION', 0.5),
  /** Seconds of mixed load on the gateway alone at the end, before its RSS is read (0: none). */
  soakS: numEnv('BENCH_SOAK_S', 60),
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
  /**
   * Flags added after those for `gateway-b` only (a later flag wins), so that a heap flag, which
   * takes effect only at start, is A/B'd on one build in one run.
   */
  gatewayBNodeArgs: (process.env.BENCH_GATEWAY_B_NODE_ARGS ?? '').split(' ').filter(Boolean),
  /** Node's flags for the floor and raw servers (none by default: the floor is the least any server needs). */
  bareNodeArgs: (process.env.BENCH_BARE_NODE_ARGS ?? '').split(' ').filter(Boolean),
};
const headers = { 'x-api-key': settings.apiKey };
/** The key in the form access control reads it (docs/design.md section 8), for the gateway and the floors. */
const apiKeys = [{ id: 'bench', sha256: createHash('sha256').update(settings.apiKey).digest('hex'), vdns: [settings.vdnId], scopes: ['isales:read'] }];
/** The undici Pool size of the floor and raw proxies: the same bound the gateway's transport uses. */
const UPSTREAM_CONNECTIONS = 64;

/** The flags between `node` and `dist/main.js` in the Dockerfile's CMD (exec form): the one place the image's flags live. */
function imageNodeFlags() {
  const cmd = readFileSync(join(root, 'Dockerfile'), 'utf8').match(/^CMD (\[.*\])\s*$/m);
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
/** BENCH_RATE_CACHE_HIT, BENCH_RATE_PROXIED_READ, ...: a fixed offered rate for one case. */
function rateOf(caseName) {
  return numEnv(`BENCH_RATE_${caseName.toUpperCase().replace(/-/g, '_')}`, null);
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

/** A gateway as production starts it: the image's Node flags, NODE_ENV=production, LOG_LEVEL=info, an API key. */
async function startGateway({ redisUrl, keyPrefix, simulatorUrl, ak, sk }, { name = 'gateway', main = settings.gatewayMain, env = {}, nodeArgs = [] } = {}) {
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [...settings.gatewayNodeArgs, ...nodeArgs, main], {
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
        ...env,
      },
    }),
    name,
  );
  // Its stdout (one line per request at info) is read and dropped, as a log collector would.
  const output = tail(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(name, async () => (await get(`${base}/health/ready`, { timeoutMs: 1000 })).status === 200, { timeoutMs: 20000, child, output });
  return { name, kind: 'gateway', base, child, output };
}

async function startServer(module, name, kind, config) {
  const server = await forkServer(join(here, module), name, config, settings.bareNodeArgs, { pipeStdout: kind === 'floor' });
  return { name, kind, base: `http://127.0.0.1:${server.port}`, child: server.child, output: server.output };
}

let loadGenerator = null;

/** One load run in the load generator's process (started once, kept for every run). */
function runLoad(job) {
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
    child.send({ headers, connections: settings.connections, client: settings.client, ...job });
  });
}

async function getOk(url, what, extra = {}) {
  const response = await get(url, { headers: { ...headers, ...extra }, timeoutMs: 20000 });
  if (response.status !== 200) throw new Error(`${what} ${url}: ${response.status} ${response.body.toString().slice(0, 500)}`);
  return response;
}

// ---------------------------------------------------------------------------------------------
// Measuring: every slice runs with its target alone on the test core.

async function slice(pinning, target, job) {
  pinning.pin(target.child.pid);
  try {
    return await runLoad({ base: target.base, cpuPids: [target.child.pid], ...job });
  } finally {
    pinning.release(target.child.pid);
  }
}

/** Target indexes in alternating order (ABC, CBA, ...), so load from elsewhere hits every target alike. */
const orderOf = (round, n) => (round % 2 === 0 ? [...Array(n).keys()] : [...Array(n).keys()].reverse());

/** CPU µs per request of one slice's target. */
const cpuOfSlice = (s) => cpuMicrosPerRequest(s.cpuTicks ? Object.values(s.cpuTicks)[0] : null, s.requests);

function pooled(slices) {
  const ticks = slices.reduce((sum, s) => sum + (s.cpuTicks ? Object.values(s.cpuTicks)[0] : NaN), 0);
  const requests = slices.reduce((sum, s) => sum + s.requests, 0);
  return { ...pool(slices), cpuUsPerRequest: cpuMicrosPerRequest(Number.isNaN(ticks) ? null : ticks, requests), cpuTicks: ticks };
}

async function measure(c, pinning) {
  const { targets } = c;
  console.log(`[bench] ${c.name}: ${c.paths.length} distinct paths, e.g. ${c.paths[0]}; targets ${targets.map((t) => t.name).join(', ')}`);
  for (const t of targets) await slice(pinning, t, { paths: c.paths, warmupMs: settings.warmupS * 1000, durationMs: 0 });

  // Saturation: closed loop, rounds in alternating order.
  const sliceS = settings.durationS / settings.rounds;
  const saturated = targets.map(() => []);
  for (let round = 0; round < settings.rounds; round++) {
    for (const i of orderOf(round, targets.length)) {
      saturated[i].push(await slice(pinning, targets[i], { paths: c.paths, warmupMs: settings.sliceWarmupS * 1000, durationMs: sliceS * 1000 }));
    }
    const line = targets.map((t, i) => `${t.name} ${(saturated[i][round].ok / sliceS).toFixed(0)}`).join(', ');
    console.log(`[bench]   saturated round ${round + 1}/${settings.rounds} (req/s): ${line}  (load ${machineLoad()})`);
  }
  const saturatedRows = saturated.map((slices) => pooled(slices));

  // The same offered rate for every target, below the slowest one's capacity.
  const slowest = Math.min(...saturatedRows.map((r) => r.rps));
  const rate = rateOf(c.name) ?? Math.max(50, Math.round((slowest * settings.rateFraction) / 50) * 50);
  const pacedSliceS = settings.pacedS / settings.pacedRounds;
  const paced = targets.map(() => []);
  if (settings.client === 'raw' && settings.pacedS > 0) {
    console.log(
      `[bench]   paced: ${rate} req/s offered to each target (${rateOf(c.name) ? 'set' : `${settings.rateFraction} of the slowest's ${slowest.toFixed(0)} req/s`})`,
    );
    for (let round = 0; round < settings.pacedRounds; round++) {
      for (const i of orderOf(round, targets.length)) {
        paced[i].push(await slice(pinning, targets[i], { paths: c.paths, warmupMs: 1000, durationMs: pacedSliceS * 1000, rate }));
      }
      const line = targets.map(
        (t, i) => `${t.name} ${fmt(cpuMicrosPerRequest(Object.values(paced[i][round].cpuTicks ?? {})[0] ?? null, paced[i][round].requests), 0)}`,
      );
      console.log(`[bench]   paced round ${round + 1}/${settings.pacedRounds} (CPU µs/req): ${line.join(', ')}  (load ${machineLoad()})`);
    }
  }

  const rows = targets.map((t, i) => {
    const at = paced[i].length ? pooled(paced[i]) : null;
    return {
      case: c.name,
      target: t.name,
      kind: t.kind,
      ...saturatedRows[i],
      paced: at && {
        rate,
        achievedRps: at.rps,
        latencyMs: at.latencyMs,
        cpuUsPerRequest: at.cpuUsPerRequest,
        errors: at.errors,
        lateMaxMs: Math.max(...paced[i].map((s) => s.lateMax)),
      },
      ...memoryOf(t.child.pid),
    };
  });
  return { rows, ratios: ratiosOf(c.name, rows, saturated, paced) };
}

/**
 * Per gateway: floor CPU / gateway CPU (the headline, pooled over the rounds at the offered rate,
 * with the median and range of the per-round ratios to show the spread; and saturated), p99
 * against raw, req/s against both.
 */
function ratiosOf(caseName, rows, saturated, paced) {
  const floorIndex = rows.findIndex((r) => r.kind === 'floor');
  const rawIndex = rows.findIndex((r) => r.kind === 'raw');
  const perRound = (a, b) => median(saturated[a].map((s, round) => (saturated[b][round].ok > 0 ? s.ok / saturated[b][round].ok : 0)));
  const cpuRounds = (gi) =>
    floorIndex < 0 ? [] : paced[gi].map((s, round) => cpuOfSlice(paced[floorIndex][round]) / cpuOfSlice(s)).filter((r) => Number.isFinite(r));
  return rows.flatMap((g, gi) => {
    if (g.kind !== 'gateway') return [];
    const floor = rows[floorIndex];
    const raw = rows[rawIndex];
    return [
      {
        case: caseName,
        gateway: g.target,
        cpuFloorOverGateway: floor && g.paced?.cpuUsPerRequest ? floor.paced.cpuUsPerRequest / g.paced.cpuUsPerRequest : null,
        cpuRatioRounds: cpuRounds(gi),
        cpuFloorOverGatewaySaturated: floor && g.cpuUsPerRequest ? floor.cpuUsPerRequest / g.cpuUsPerRequest : null,
        p99OverRaw: raw?.latencyMs.p99 ? g.latencyMs.p99 / raw.latencyMs.p99 : null,
        pacedP99OverRaw: raw?.paced?.latencyMs.p99 ? g.paced.latencyMs.p99 / raw.paced.latencyMs.p99 : null,
        rpsOverFloor: floor ? perRound(gi, floorIndex) : null,
        rpsOverRaw: raw ? perRound(gi, rawIndex) : null,
        load: machineLoad(),
      },
    ];
  });
}

async function soak(gateway, paths, pinning) {
  console.log(`[bench] soak: ${settings.soakS}s of mixed load on ${gateway.name} alone`);
  const result = await slice(pinning, gateway, { paths, warmupMs: 1000, durationMs: settings.soakS * 1000 });
  return { seconds: settings.soakS, rps: result.ok / settings.soakS, errors: result.errors, ...memoryOf(gateway.child.pid) };
}

async function main() {
  for (const file of [settings.gatewayMain, settings.gatewayBMain, simulatorModule]) {
    if (file && !existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (or use \`npm run bench\`, which builds)`);
  }
  const startedAt = new Date();
  const pinning = cpuPinning();
  console.log(
    `[bench] ${settings.cases.join(' + ')}: ${settings.connections} connections; saturated ${settings.durationS}s per target in ${settings.rounds} rounds, ` +
      `paced ${settings.pacedS}s per target in ${settings.pacedRounds} rounds; VDN ${settings.vdnId}, ${settings.client} client, ` +
      `gateway LOG_LEVEL=${settings.logLevel} with ${settings.gatewayNodeArgs.join(' ') || 'no flags'}` +
      `${settings.gatewayBMain && settings.gatewayBNodeArgs.length > 0 ? ` (gateway-b: + ${settings.gatewayBNodeArgs.join(' ')})` : ''}; ` +
      `${os.cpus().length} cpus, ` +
      `${pinning.enabled ? pinning.reason : `not pinned: ${pinning.reason}`}; CLK_TCK ${clockTicksPerSecond()}; Node ${process.version}; load ${machineLoad()}`,
  );

  const redis = await startRedis();
  const ak = 'bench-ak';
  const sk = 'bench-sk-0123456789';
  const simulator = await forkServer(join(here, 'simulator-process.mjs'), 'simulator', { simulatorModule, ak, sk });
  // A per-run prefix, so a shared REDIS_URL is never clobbered; the key is removed at the end.
  const keyPrefix = `isales-gateway-bench-${process.pid}:`;
  try {
    const upstream = { redisUrl: redis.url, keyPrefix, simulatorUrl: simulator.url, ak, sk };
    const gateways = [await startGateway(upstream)];
    if (settings.gatewayBMain) {
      gateways.push(await startGateway(upstream, { name: 'gateway-b', main: settings.gatewayBMain, nodeArgs: settings.gatewayBNodeArgs }));
    }
    const context = { ...upstream, gateways };
    const builders = caseBuilders({ settings, apiKeys, dist, getOk, startServer, startGateway, upstreamConnections: UPSTREAM_CONNECTIONS });
    const cases = [];
    for (const name of settings.cases) {
      if (!builders[name]) throw new Error(`unknown case ${name} in BENCH_CASES (cache-hit, cache-hit-limited, proxied-read)`);
      cases.push(await builders[name](context));
    }

    const rows = [];
    const ratios = [];
    for (const c of cases) {
      const result = await measure(c, pinning);
      rows.push(...result.rows);
      ratios.push(...result.ratios);
    }
    const soaks = [];
    if (settings.soakS > 0)
      for (const g of gateways)
        soaks.push({
          gateway: g.name,
          ...(await soak(
            g,
            cases.flatMap((c) => c.paths),
            pinning,
          )),
        });

    console.log('');
    printTable(rows);
    console.log('');
    printRatios(ratios);
    for (const s of soaks) {
      console.log(
        `soak ${s.gateway}: ${fmt(s.rps, 0)} req/s for ${s.seconds}s, ${s.errors} errors, RSS ${fmt(s.rssMb, 0)} MB (peak ${fmt(s.peakRssMb, 0)} MB)`,
      );
    }
    const failures = rows.filter((r) => r.errors > 0 || r.paced?.errors > 0 || (r.case.startsWith('cache-hit') && (r.cacheStates.hit ?? 0) !== r.ok));
    if (failures.length) console.log(`[bench] WARNING: errors or non-hit answers in ${failures.map((r) => `${r.case}/${r.target}`).join(', ')}`);
    const behind = rows.filter((r) => r.paced && r.paced.achievedRps < r.paced.rate * 0.97);
    if (behind.length)
      console.log(`[bench] WARNING: below the offered rate (not a like-for-like CPU figure): ${behind.map((r) => `${r.case}/${r.target}`).join(', ')}`);

    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      settings: { ...settings, apiKey: '[generated]' },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        pinning: pinning.reason,
        clockTicksPerSecond: clockTicksPerSecond(),
      },
      redis: redis.external ? 'REDIS_URL' : 'private redis-server',
      ratios,
      soaks,
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
