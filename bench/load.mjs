// HTTP/1.1 load generator, run as a child process (fork) so it never shares an event loop with the
// server under test. Two modes:
//   closed loop (no `rate`): N keep-alive connections each send one GET, wait for the whole
//     response, and send the next: the server's saturated capacity.
//   open loop (`rate` requests per second, raw client only): requests are due on a fixed schedule
//     and go out on whichever of the N connections is idle; a request that finds none waits, and its
//     latency counts from when it was due, so a server that falls behind shows it.
// Only responses that complete inside the measured window count. `cpuPids`: processes whose CPU
// time (/proc/<pid>/stat, clock ticks) is read at the start and the end of the measured window.
//
// Parent -> child (IPC), one job after another:
//   { base, paths, headers, connections, warmupMs, durationMs, client: 'raw' | 'http', rate?, cpuPids? }
// Child -> parent (IPC, advanced serialization):
//   { result: { client, requests, ok, errors, statuses, cacheStates, bytes, elapsedMs, latencies, cpuTicks, lateMax } }
// (latencies: Float64Array of milliseconds, one per measured response; cpuTicks: { pid: ticks }).
//
// Connection k sends paths[(k + j * connections) % paths.length] as its j-th request. With
// paths.length a multiple of the connection count, no two connections ever ask for the same path at
// the same time, so a server cannot coalesce concurrent identical requests into one upstream call.
// `headers` go on every request (e.g. X-API-Key).
//
// Two clients, the same for both targets:
//   raw  (default) a lean client on net.Socket that parses only the status line, content-length and
//        x-cache, so the load generator costs little CPU on a 2-core machine and the servers, not the
//        client, are what the runs compare. Needs content-length on every response (both send it).
//   http node:http with a keep-alive Agent: heavier per request, kept as a cross-check.
import http from 'node:http';
import net from 'node:net';
import { cpuTicks } from './support/cpu.mjs';

function newStats(warmupMs, durationMs, cpuPids = []) {
  const measureFrom = performance.now() + warmupMs;
  const stopAt = measureFrom + durationMs;
  const readCpu = () => Object.fromEntries(cpuPids.map((pid) => [pid, cpuTicks(pid)]));
  let cpuAtStart = null;
  let cpuAtEnd = null;
  if (durationMs > 0 && cpuPids.length) {
    setTimeout(() => (cpuAtStart = readCpu()), warmupMs);
    setTimeout(() => (cpuAtEnd = readCpu()), warmupMs + durationMs);
  }
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let ok = 0;
  let errors = 0;
  let bytes = 0;
  const statuses = {};
  const cacheStates = {};
  const measuring = (t) => t >= measureFrom && t < stopAt;
  return {
    measureFrom,
    stopAt,
    response(t0, t1, status, cacheState, size) {
      if (!measuring(t1)) return;
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count++] = t1 - t0;
      statuses[status] = (statuses[status] ?? 0) + 1;
      cacheStates[cacheState] = (cacheStates[cacheState] ?? 0) + 1;
      if (status === 200) {
        ok++;
        bytes += size;
      } else {
        errors++;
      }
    },
    error() {
      if (measuring(performance.now())) errors++;
    },
    summary() {
      cpuAtEnd ??= cpuAtStart && readCpu();
      const cpu = cpuAtStart && Object.fromEntries(cpuPids.map((pid) => [pid, cpuAtEnd[pid] === null ? null : cpuAtEnd[pid] - cpuAtStart[pid]]));
      return { requests: count, ok, errors, statuses, cacheStates, bytes, elapsedMs: durationMs, latencies: latencies.slice(0, count), cpuTicks: cpu };
    },
  };
}

/** The GET of each path as raw bytes, built once. */
function rawRequests(target, paths, headers) {
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return paths.map((path) => Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${target.host}\r\nAccept: application/json\r\n${extra}\r\n`, 'latin1'));
}

/** One keep-alive connection; `send(request)` writes one request. */
function rawConnection(target, onResponse, onError) {
  const socket = net.connect({ host: target.hostname, port: Number(target.port) });
  socket.setNoDelay(true);
  let head = null; // bytes of a response whose header block is not complete yet
  let remaining = -1; // body bytes still expected; -1 while reading the header block
  let status = 0;
  let bodyLength = 0;
  let cacheState = 'none';
  let failed = false;
  const fail = (error) => {
    if (failed) return;
    failed = true;
    socket.destroy();
    onError(error);
  };
  socket.on('data', (chunk) => {
    let body = chunk.length;
    if (remaining < 0) {
      head = head ? Buffer.concat([head, chunk]) : chunk;
      const headerEnd = head.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const text = head.toString('latin1', 0, headerEnd);
      status = Number(text.slice(9, 12));
      const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(text);
      if (!length) return fail(new Error('response without content-length'));
      bodyLength = Number(length[1]);
      const cache = /\r\nx-cache:[ \t]*([^\r]*)/i.exec(text);
      cacheState = cache ? cache[1].trim() : 'none';
      body = head.length - headerEnd - 4;
      remaining = bodyLength;
      head = null;
    }
    remaining -= body;
    if (remaining > 0) return;
    if (remaining < 0) return fail(new Error('unexpected bytes after the response'));
    remaining = -1;
    onResponse(status, cacheState, bodyLength);
  });
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('connection closed')));
  return {
    send: (request) => socket.write(request),
    close: () => {
      failed = true;
      socket.destroy();
    },
  };
}

async function runRaw({ base, paths, headers, connections, warmupMs, durationMs, cpuPids }) {
  const target = new URL(base);
  const requests = rawRequests(target, paths, headers);
  const stats = newStats(warmupMs, durationMs, cpuPids);
  const loop = (k) =>
    new Promise((resolve) => {
      let t0 = 0;
      let sent = 0;
      let connection;
      const next = () => {
        t0 = performance.now();
        if (t0 >= stats.stopAt) {
          connection.close();
          return resolve();
        }
        connection.send(requests[(k + sent++ * connections) % requests.length]);
      };
      const open = () => {
        connection = rawConnection(
          target,
          (status, cacheState, size) => {
            stats.response(t0, performance.now(), status, cacheState, size);
            next();
          },
          () => {
            stats.error();
            if (performance.now() >= stats.stopAt) return resolve();
            // Reconnect after a pause, so a refused connection does not spin.
            setTimeout(() => {
              open();
              next();
            }, 10);
          },
        );
      };
      open();
      next();
    });
  await Promise.all(Array.from({ length: connections }, (_, k) => loop(k)));
  return { client: 'raw', ...stats.summary() };
}

async function runHttp({ base, paths, headers, connections, warmupMs, durationMs, cpuPids }) {
  const target = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const options = { agent, host: target.hostname, port: target.port, method: 'GET', headers };
  const stats = newStats(warmupMs, durationMs, cpuPids);
  const loop = (k) =>
    new Promise((resolve) => {
      let sent = 0;
      const next = () => {
        const t0 = performance.now();
        if (t0 >= stats.stopAt) return resolve();
        const req = http.request({ ...options, path: paths[(k + sent++ * connections) % paths.length] }, (res) => {
          let size = 0;
          res.on('data', (chunk) => {
            size += chunk.length;
          });
          res.on('end', () => {
            stats.response(t0, performance.now(), res.statusCode, res.headers['x-cache'] ?? 'none', size);
            next();
          });
          res.on('error', () => {
            stats.error();
            next();
          });
        });
        req.on('error', () => {
          stats.error();
          setTimeout(next, 10);
        });
        req.end();
      };
      next();
    });
  await Promise.all(Array.from({ length: connections }, (_, k) => loop(k)));
  agent.destroy();
  return { client: 'http', ...stats.summary() };
}

/**
 * Open loop: request i is due at start + i / rate and goes out on an idle connection (the j-th
 * request sent is paths[j % paths.length]); when every connection is busy it waits in a queue.
 * Latency counts from when the request was due. `lateMax`: the longest such wait (ms).
 */
async function runRawPaced({ base, paths, headers, connections, warmupMs, durationMs, rate, cpuPids }) {
  const target = new URL(base);
  const requests = rawRequests(target, paths, headers);
  const stats = newStats(warmupMs, durationMs, cpuPids);
  const start = performance.now();
  const intervalMs = 1000 / rate;
  const idle = [];
  const waiting = []; // due times of requests that found no idle connection
  let waitingHead = 0;
  let due = 0; // requests scheduled so far
  let sent = 0;
  let lateMax = 0;
  let open = 0;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));

  const send = (connection, dueAt) => {
    connection.dueAt = dueAt;
    const now = performance.now();
    if (now >= stats.measureFrom && now - dueAt > lateMax) lateMax = now - dueAt;
    connection.send(requests[sent++ % requests.length]);
  };
  const release = (connection) => {
    if (performance.now() >= stats.stopAt) {
      connection.close();
      if (--open === 0) finish();
    } else if (waitingHead < waiting.length) {
      send(connection, waiting[waitingHead++]);
      if (waitingHead === waiting.length) {
        waiting.length = 0;
        waitingHead = 0;
      }
    } else {
      idle.push(connection);
    }
  };
  for (let k = 0; k < connections; k++) {
    const connection = rawConnection(
      target,
      (status, cacheState, size) => {
        stats.response(connection.dueAt, performance.now(), status, cacheState, size);
        release(connection);
      },
      () => {
        stats.error();
        const at = idle.indexOf(connection);
        if (at >= 0) idle.splice(at, 1);
        if (--open === 0) finish();
      },
    );
    open++;
    idle.push(connection);
  }
  const tick = () => {
    const now = performance.now();
    if (now >= stats.stopAt) {
      while (idle.length) release(idle.pop());
      return;
    }
    for (; start + due * intervalMs <= now; due++) {
      const dueAt = start + due * intervalMs;
      const connection = idle.pop();
      if (connection) send(connection, dueAt);
      else waiting.push(dueAt);
    }
    setTimeout(tick, Math.max(0, start + due * intervalMs - performance.now()));
  };
  tick();
  await finished;
  return { client: 'raw', ...stats.summary(), lateMax, offeredRate: rate };
}

// One job at a time, as many as the parent sends; the process stays up between them, so starting
// it costs nothing inside or beside a measured slice.
process.on('message', (job) => {
  (job.rate > 0 ? runRawPaced(job) : job.client === 'http' ? runHttp(job) : runRaw(job)).then(
    (result) => process.send({ result }),
    (error) => process.send({ error: String(error?.stack ?? error) }),
  );
});
process.on('disconnect', () => process.exit(0));
