import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pretty from 'pino-pretty';
import { loadLaunchConfig } from './config';
import { demoAccess } from './demo-access';
import { demoBanner } from './demo-banner';
import { createSimulator, DEFAULT_AK, DEFAULT_SK } from './simulator';

/** Metrics are served on their own port (docs/design.md section 10), 9464 unless METRICS_PORT says otherwise. */
const DEFAULT_METRICS_PORT = '9464';
/**
 * The gateway's last start-up line. Its logs are written in batches (flushed every 250 ms), so they
 * can trail readiness: the banner waits for this line (at most STARTED_MAX_MS) to come after them.
 */
const STARTED_LINE = 'Nest application successfully started';
const STARTED_MAX_MS = 5000;

/**
 * `npm run demo`: the simulator in this process and the built gateway as a child in front of it,
 * with the in-memory cache, so a newcomer sees every route answer with no iSales and no Redis.
 */
async function main(): Promise<void> {
  const config = loadLaunchConfig(process.env);
  process.stderr.write('[demo] starting the simulator (a fake iSales) and the gateway in front of it...\n');
  const simulator = createSimulator(config.options);
  await simulator.listen(config.port, config.host);
  const port = process.env.PORT ?? '3000';
  const access = demoAccess();
  // The gateway holds what the simulator accepts: the same pairs, in the form they were given.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, ISALES_BASE_URL: simulator.url, ...access.env };
  for (const name of ['ISALES_AK', 'ISALES_SK', 'ISALES_CREDENTIALS', 'ISALES_CREDENTIALS_FILE']) delete env[name];
  if (config.options.credentials) env.ISALES_CREDENTIALS = JSON.stringify(config.options.credentials);
  else Object.assign(env, { ISALES_AK: config.options.ak ?? DEFAULT_AK, ISALES_SK: config.options.sk ?? DEFAULT_SK });
  // VDN 1 serves callresultdetail's page example, whose times are +08:00 (docs/isales/call-results-choices.md §1).
  if (env.ISALES_TIME_ZONE === undefined && env.ISALES_TIME_ZONES === undefined) env.ISALES_TIME_ZONES = '{"1":"Asia/Shanghai"}';
  const gateway = spawn(process.execPath, [resolve(__dirname, '../../main.js')], { stdio: ['ignore', 'pipe', 'inherit'], env });
  gateway.stdout.pipe(logOutput(), { end: false });
  const quiet = ['fatal', 'error', 'warn', 'silent'].includes(env.LOG_LEVEL ?? 'info');
  const started = quiet ? Promise.resolve() : passes(gateway.stdout, STARTED_LINE);

  const stop = (signal: NodeJS.Signals) => gateway.kill(signal);
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  gateway.on('exit', (code) => {
    void simulator.close().finally(() => process.exit(code ?? 0));
  });

  const gatewayUrl = `http://localhost:${port}`;
  if (await ready(gatewayUrl, gateway)) {
    await Promise.race([started, sleep(STARTED_MAX_MS)]);
    const metricsUrl = `http://localhost:${process.env.METRICS_PORT ?? DEFAULT_METRICS_PORT}/metrics`;
    process.stdout.write(demoBanner({ gatewayUrl, simulatorUrl: simulator.url, metricsUrl, apiKey: access.apiKey }) + '\n');
  }
}

/**
 * A person at a terminal reads pretty lines; a pipe or a file gets the JSON lines production
 * writes, so `npm run demo | jq` still works. The gateway itself always logs JSON.
 */
function logOutput(): NodeJS.WritableStream {
  if (!process.stdout.isTTY) return process.stdout;
  return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,context', singleLine: true });
}

/** Resolves once `text` has gone through the stream (chunks may split it). */
function passes(stream: NodeJS.ReadableStream, text: string): Promise<void> {
  return new Promise((done) => {
    let tail = '';
    const onData = (chunk: Buffer | string): void => {
      tail = (tail + chunk.toString()).slice(-(text.length + 4096));
      if (!tail.includes(text)) return;
      stream.off('data', onData);
      done();
    };
    stream.on('data', onData);
  });
}

/** Waits for the gateway's readiness probe; false when it exits first or never answers. */
async function ready(gatewayUrl: string, gateway: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 300 && gateway.exitCode === null; i++) {
    try {
      if ((await fetch(`${gatewayUrl}/health/ready`)).ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

main().catch((error: unknown) => {
  console.error(`[demo] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
