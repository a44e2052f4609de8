import { loadLaunchConfig } from './config';
import { createSimulator } from './simulator';

// Entry point of `npm run simulator`. Prints the port, never the SK.
async function main(): Promise<void> {
  let config;
  try {
    config = loadLaunchConfig(process.env);
  } catch (error) {
    console.error(`[simulator] bad configuration: ${(error as Error).message}`);
    process.exit(2);
  }
  const simulator = createSimulator({
    ...config.options,
    onRequest: config.logRequests
      ? (entry) => {
          const outcome = entry.status === 0 ? 'no answer (fault)' : `${entry.status} ${entry.resultCode ?? ''}`.trim();
          console.log(`[simulator] ${entry.method} ${entry.path} -> ${outcome}${entry.authError ? ` (${entry.authError})` : ''}`);
        }
      : undefined,
  });
  const port = await simulator.listen(config.port, config.host);
  const faults = Object.keys(config.options.faults ?? {});
  const keys = simulator.credentials.map(({ ak, vdns }) => `${ak} for ${vdns === '*' ? 'every VDN' : `VDN ${vdns.join(',')}`}`);
  console.log(
    `[simulator] fake CC-iSales listening on ${simulator.url} (port ${port}, ${keys.join('; ')}` +
      `${faults.length ? `, faults on ${faults.join(', ')}` : ''})`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[simulator] ${signal}: closing`);
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`[simulator] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
