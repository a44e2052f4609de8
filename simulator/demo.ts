import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { loadLaunchConfig } from './config';
import { createSimulator, DEFAULT_AK, DEFAULT_SK } from './simulator';

/**
 * `npm run demo`: the simulator in this process and the built gateway as a child in front of it,
 * with the in-memory cache, so a newcomer sees every route answer with no iSales and no Redis.
 */
async function main(): Promise<void> {
  const config = loadLaunchConfig(process.env);
  const simulator = createSimulator(config.options);
  await simulator.listen(config.port, config.host);
  const port = process.env.PORT ?? '3000';
  // The gateway holds what the simulator accepts: the same pairs, in the form they were given.
  const auth = demoAuthEnv(process.env);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, ISALES_BASE_URL: simulator.url, ...auth };
  for (const name of ['ISALES_AK', 'ISALES_SK', 'ISALES_CREDENTIALS', 'ISALES_CREDENTIALS_FILE']) delete env[name];
  if (config.options.credentials) env.ISALES_CREDENTIALS = JSON.stringify(config.options.credentials);
  else Object.assign(env, { ISALES_AK: config.options.ak ?? DEFAULT_AK, ISALES_SK: config.options.sk ?? DEFAULT_SK });
  const gateway = spawn(process.execPath, [resolve(__dirname, '../../main.js')], { stdio: 'inherit', env });
  console.log(`[demo] simulator (fake CC-iSales) on ${simulator.url}`);
  console.log(`[demo] gateway on http://localhost:${port}, Swagger UI at http://localhost:${port}/docs`);
  if (auth.AUTH_API_KEYS) {
    console.log(`[demo] API key (every VDN, isales:read isales:write isales:admin): ${DEMO_API_KEY}`);
    console.log(`[demo]   curl -H 'X-API-Key: ${DEMO_API_KEY}' http://localhost:${port}/api/v1/vdns/1/file-servers`);
    console.log(`[demo]   Swagger UI: Authorize, then paste it under apiKey (X-API-Key)`);
  }
  console.log(`[demo] metrics at http://localhost:${process.env.METRICS_PORT ?? '9464'}/metrics`);

  const stop = (signal: NodeJS.Signals) => gateway.kill(signal);
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  gateway.on('exit', (code) => {
    void simulator.close().finally(() => process.exit(code ?? 0));
  });
}

/** The demo's API key: printed at start and used by the README's curl examples. Never use it elsewhere. */
const DEMO_API_KEY = 'isales-demo-key';

/** A demo API key with every VDN and scope, unless the caller's environment configures access control itself. */
function demoAuthEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  if (['AUTH_API_KEYS', 'AUTH_API_KEYS_FILE', 'AUTH_JWKS_URL', 'AUTH_DISABLED'].some((name) => env[name])) return {};
  const sha256 = createHash('sha256').update(DEMO_API_KEY).digest('hex');
  return { AUTH_API_KEYS: JSON.stringify([{ id: 'demo', sha256, vdns: '*', scopes: ['isales:read', 'isales:write', 'isales:admin'] }]) };
}

main().catch((error: unknown) => {
  console.error(`[demo] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
