import { eventually } from './support/eventually';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { GATEWAY_MAIN, PROCESS_TEST_TIMEOUT_MS, startGatewayProcess } from './support/gateway-process';
import { freePort } from './support/redis-server';
import { TEST_AK, TEST_SK, useSimulator } from './support/harness';

describe('the gateway process', () => {
  const backends = useSimulator();

  it(
    'exits non-zero without ISALES_SK, naming it and printing no secret',
    async () => {
      const child = spawn(process.execPath, [GATEWAY_MAIN], {
        env: { PATH: process.env.PATH, ISALES_BASE_URL: backends.simulator.url, ISALES_AK: TEST_AK, REDIS_URL: 'redis://:hunter2-secret@nowhere:1/99x' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = await once(child, 'exit');
      expect(code).not.toBe(0);
      expect(stderr).toContain('ISALES_SK');
      expect(stderr).not.toContain('hunter2-secret');
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'finishes a slow request in flight on SIGTERM, refuses new work, and exits 0',
    async () => {
      backends.simulator.clearRequests();
      backends.simulator.setFault('queryServer', { latencyMs: 1500 });
      const gateway = await startGatewayProcess({
        ISALES_BASE_URL: backends.simulator.url,
        ISALES_AK: TEST_AK,
        ISALES_SK: TEST_SK,
        SHUTDOWN_GRACE_MS: '10000',
      });
      try {
        const slow = gateway.request('/api/v1/vdns/1/file-servers');
        await eventually('the slow request at iSales', () => backends.simulator.requests.some((r) => r.operation === 'queryServer'));
        gateway.child.kill('SIGTERM');
        const exited = once(gateway.child, 'exit');
        const response = await slow;
        expect(response.status).toBe(200);
        expect(((await response.json()) as { total: number }).total).toBe(5);
        const [code] = await exited;
        expect(code).toBe(0);
        await expect(gateway.request('/health/live')).rejects.toThrow();
        expect(gateway.output()).not.toContain(TEST_SK);
      } finally {
        backends.simulator.clearFaults();
        if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'reports readiness with Redis and iSales as details that never fail it',
    async () => {
      const closed = await freePort();
      const gateway = await startGatewayProcess({
        ISALES_BASE_URL: `http://127.0.0.1:${closed}`,
        ISALES_AK: TEST_AK,
        ISALES_SK: TEST_SK,
        REDIS_URL: `redis://127.0.0.1:${closed}/0`,
      });
      try {
        const live = await gateway.request('/health/live');
        expect(live.status).toBe(200);
        const ready = await gateway.request('/health/ready');
        expect(ready.status).toBe(200);
        const body = (await ready.json()) as { details: Record<string, { status: string }> };
        expect(body.details.gateway.status).toBe('up');
        expect(body.details.cache.status).toBe('degraded');
        expect(body.details.isales.status).toBe('degraded');
      } finally {
        gateway.child.kill('SIGKILL');
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
