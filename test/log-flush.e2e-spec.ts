import { eventually } from './support/eventually';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayProcess, startGatewayProcess as startProcess } from './support/gateway-process';
import { TEST_AK, TEST_SK, useSimulator } from './support/harness';

interface LogLine {
  level: number;
  time: number;
  msg: string;
  requestId?: string;
  err?: { message: string };
}

/**
 * The gateway writes its log asynchronously (a buffered stdout): these runs end the process while
 * lines are still buffered and check that every one of them reaches the stream.
 */
describe('the log stream of the gateway process', () => {
  const backends = useSimulator();
  afterEach(() => backends.simulator.clearFaults());

  /**
   * `loops` clients each send file-server reads, one after another, with request ids of their own,
   * until the gateway stops answering. `answered` grows with the ids of the requests it answered.
   */
  function load(gateway: GatewayProcess, loops: number): { answered: string[]; done: Promise<unknown> } {
    const answered: string[] = [];
    const done = Promise.all(
      Array.from({ length: loops }, async (_, loop) => {
        for (let n = 0; ; n++) {
          const id = `flush-${loop}-${n}`;
          try {
            const response = await gateway.request(`/api/v1/vdns/1/file-servers?pageSize=${1 + (n % 5)}`, { headers: { 'x-request-id': id } });
            await response.arrayBuffer();
            // A 503 without an id is Fastify refusing work while closing: no request of ours ran.
            if (response.headers.get('x-request-id') !== id) return;
            answered.push(id);
          } catch {
            return; // the listener is closed
          }
        }
      }),
    );
    return { answered, done };
  }

  /**
   * The line with `msg`, checked to be logged last: no line carries a later time. Usually it is the
   * stream's last line too; but when an asynchronous write of earlier lines is still in flight at
   * exit, the final synchronous flush can land before it, so at its very end the stream's order is
   * not the logging order (no line is lost either way).
   */
  function loggedLast(lines: LogLine[], msg: string): LogLine | undefined {
    const line = lines.find((l) => l.msg === msg);
    expect(lines.filter((l) => line && l.time > line.time)).toEqual([]);
    return line;
  }

  /**
   * Loads the gateway from `loops` clients and sends it `signal` once 60 requests were answered, so
   * the process ends in the middle of its load; then checks that every answered request has its
   * line, and that every line is whole (a truncated one would not parse).
   */
  async function endUnderLoad(gateway: GatewayProcess, loops: number, signal: NodeJS.Signals): Promise<{ code: number; lines: LogLine[] }> {
    try {
      const running = load(gateway, loops);
      await eventually('60 answered requests', () => running.answered.length >= 60, 15_000, 20).catch(() => undefined);
      gateway.child.kill(signal);
      const [code] = (await once(gateway.child, 'exit')) as [number];
      await running.done;
      const lines = gateway
        .stdout()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogLine);
      const logged = new Set(lines.filter((l) => l.msg === 'request completed').map((l) => l.requestId));
      expect(running.answered.length).toBeGreaterThanOrEqual(60);
      expect(running.answered.filter((id) => !logged.has(id))).toEqual([]);
      return { code, lines };
    } finally {
      if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    }
  }

  it('writes every request line of a run stopped by SIGTERM in the middle of its load', async () => {
    backends.simulator.setFault('queryServer', { latencyMs: 100 });
    const gateway = await startProcess({ ISALES_BASE_URL: backends.simulator.url, ISALES_AK: TEST_AK, ISALES_SK: TEST_SK, SHUTDOWN_GRACE_MS: '10000' });
    const { code, lines } = await endUnderLoad(gateway, 20, 'SIGTERM');
    expect(code).toBe(0);
    expect(loggedLast(lines, 'stopped')).toBeDefined();
  });

  it('writes every line, and the fatal error last, when an uncaught exception ends the process', async () => {
    // A preload that throws outside any request when the test asks, as a bug in a timer would.
    const dir = mkdtempSync(join(tmpdir(), 'gateway-fatal-'));
    const preload = join(dir, 'throw-on-sigusr2.js');
    writeFileSync(preload, "process.on('SIGUSR2', () => setImmediate(() => { throw new Error('fatal-from-test'); }));\n");
    const gateway = await startProcess({ ISALES_BASE_URL: backends.simulator.url, ISALES_AK: TEST_AK, ISALES_SK: TEST_SK }, ['--require', preload]);
    try {
      const { code, lines } = await endUnderLoad(gateway, 10, 'SIGUSR2');
      expect(code).toBe(1);
      expect(loggedLast(lines, 'uncaught exception: exiting')).toMatchObject({ level: 60, err: { message: 'fatal-from-test' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
