import { spawn } from 'node:child_process';
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
  const gateway = spawn(process.execPath, [resolve(__dirname, '../../main.js')], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: port,
      ISALES_BASE_URL: simulator.url,
      ISALES_AK: config.options.ak ?? DEFAULT_AK,
      ISALES_SK: config.options.sk ?? DEFAULT_SK,
    },
  });
  console.log(`[demo] simulator (fake CC-iSales) on ${simulator.url}`);
  console.log(`[demo] gateway on http://localhost:${port}, Swagger UI at http://localhost:${port}/docs`);
  console.log(`[demo] metrics at http://localhost:${process.env.METRICS_PORT ?? '9464'}/metrics`);

  const stop = (signal: NodeJS.Signals) => gateway.kill(signal);
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  gateway.on('exit', (code) => {
    void simulator.close().finally(() => process.exit(code ?? 0));
  });
}

main().catch((error: unknown) => {
  console.error(`[demo] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
