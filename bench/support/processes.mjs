// Child processes of a benchmark run: every one is tracked and stopped on the way out, also on a
// failure or Ctrl-C; plus the small helpers the runner needs to start them and to talk to them.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

const children = new Set();

export function track(child, name) {
  child.benchName = name;
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function stopChild(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll() {
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

/**
 * Forks `module` with an IPC channel, sends it `config`, and resolves with its first message
 * (a server's `{ port }`), or rejects when it exits first. With `pipeStdout`, its stdout (an access
 * log) is read and dropped as a log collector would, its last lines kept in `output()`.
 */
export function forkServer(module, name, config, execArgv = [], { pipeStdout = false } = {}) {
  const child = track(fork(module, [], { stdio: ['ignore', pipeStdout ? 'pipe' : 'inherit', 'inherit', 'ipc'], execArgv }), name);
  const output = pipeStdout ? tail(child) : () => '';
  return new Promise((resolve, reject) => {
    child.once('message', (message) => (message.error ? reject(new Error(`${name}: ${message.error}`)) : resolve({ child, output, ...message })));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
    child.send(config);
  });
}

export function freePort() {
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

/** One GET on a fresh connection; resolves with status, headers and the body bytes. */
export function get(url, { headers = {}, timeoutMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    req.on('error', reject);
  });
}

/** Keeps the last 16 KB a child wrote, to explain a failure and to compare access-log lines. */
export function tail(child) {
  let text = '';
  const keep = (chunk) => {
    text = (text + chunk.toString()).slice(-16000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

export async function waitFor(what, probe, { timeoutMs, child, output }) {
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

/** Current and peak resident set size of a process in MB (Linux /proc; null elsewhere). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: null, peakRssMb: null };
  }
}

/** The load averages (1, 5, 15 min), printed beside the ratios: a busy machine widens their spread. */
export function machineLoad() {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}
