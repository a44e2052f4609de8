// The simulator (fake iSales) in a process of its own, so serving the upstream calls of both the
// gateway and the bare proxy never shares an event loop with the benchmark runner.
//
// Run as a child process (fork). Parent -> child (IPC): { simulatorModule, ak, sk }
// Child -> parent: { url } once listening.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

process.once('message', async ({ simulatorModule, ak, sk }) => {
  const { createSimulator } = require(simulatorModule);
  const simulator = createSimulator({ ak, sk });
  await simulator.listen(0, '127.0.0.1');
  process.send({ url: simulator.url });
  const stop = () => simulator.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
});
