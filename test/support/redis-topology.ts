import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { freePort, waitForPing } from './redis-server';
import { eventually } from './eventually';

const run = promisify(execFile);

/** Processes still alive if jest exits without running afterAll (a crash, a timeout). */
const alive = new Set<ChildProcess>();
process.once('exit', () => alive.forEach((child) => child.kill('SIGKILL')));

/**
 * Several Debian `redis-server` processes on loopback ports, in a temporary directory of their own:
 * a Sentinel deployment (one master, one replica, three sentinels) or a Cluster (three masters).
 * Every process is registered as soon as it is spawned, so `stop()` cleans up after a failed start.
 */
export class RedisTopology {
  readonly dir = mkdtempSync(join(tmpdir(), 'gateway-redis-topology-'));
  private readonly children: ChildProcess[] = [];

  /** Ports of the data nodes (Sentinel: master then replica; Cluster: the three masters). */
  readonly nodePorts: number[] = [];
  readonly sentinelPorts: number[] = [];

  /** `REDIS_SENTINELS` / `REDIS_CLUSTER_NODES` syntax. */
  static list(ports: readonly number[]): string {
    return ports.map((port) => `127.0.0.1:${port}`).join(',');
  }

  private spawn(args: string[]): void {
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    child.on('error', () => undefined);
    child.once('exit', () => alive.delete(child));
    alive.add(child);
    this.children.push(child);
  }

  private dataNode(port: number, extra: string[]): void {
    this.spawn([
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      this.dir,
      '--dbfilename',
      `dump-${port}.rdb`,
      '--save',
      '',
      '--appendonly',
      'no',
      '--logfile',
      join(this.dir, `redis-${port}.log`),
      ...extra,
    ]);
  }

  /** Master, replica (in sync), and three sentinels that all know the master under `masterName`. */
  async startSentinel(masterName: string): Promise<void> {
    const [master, replica, ...sentinels] = await distinctFreePorts(5);
    this.nodePorts.push(master, replica);
    this.sentinelPorts.push(...sentinels);

    // Redis 7 waits 5 s before a diskless full sync, in case more replicas come: not here.
    this.dataNode(master, ['--repl-diskless-sync-delay', '0']);
    await waitForPing(master);
    this.dataNode(replica, ['--replicaof', '127.0.0.1', String(master)]);
    for (const port of sentinels) {
      // Sentinel rewrites its configuration file, so each gets a writable one in the temp dir.
      const conf = join(this.dir, `sentinel-${port}.conf`);
      writeFileSync(
        conf,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${this.dir}`,
          `logfile ${join(this.dir, `sentinel-${port}.log`)}`,
          `sentinel monitor ${masterName} 127.0.0.1 ${master} 2`,
          `sentinel down-after-milliseconds ${masterName} 5000`,
          `sentinel failover-timeout ${masterName} 10000`,
          '',
        ].join('\n'),
      );
      this.spawn([conf, '--sentinel']);
    }
    await Promise.all([replica, ...sentinels].map((port) => waitForPing(port)));

    await until('the replica to sync with the master', async () => (await info(replica, 'replication')).includes('master_link_status:up'));
    await until('every sentinel to name the master', async () => {
      const answers = await Promise.all(sentinels.map((port) => command(port, 'sentinel', 'get-master-addr-by-name', masterName)));
      return answers.every((addr) => Array.isArray(addr) && addr[0] === '127.0.0.1' && Number(addr[1]) === master);
    });
  }

  /** Three cluster-enabled masters joined by `redis-cli --cluster create`, once every node reports cluster_state:ok. */
  async startCluster(): Promise<void> {
    // The bus port defaults to port + 10000, which may not be free (or even valid): pick it as well.
    const ports = await distinctFreePorts(6);
    const nodes = ports.slice(0, 3);
    const busPorts = ports.slice(3);
    this.nodePorts.push(...nodes);

    nodes.forEach((port, i) =>
      this.dataNode(port, [
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(this.dir, `nodes-${port}.conf`),
        '--cluster-port',
        String(busPorts[i]),
        '--cluster-node-timeout',
        '5000',
      ]),
    );
    await Promise.all(nodes.map((port) => waitForPing(port)));
    await run('redis-cli', ['--cluster', 'create', ...nodes.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'], {
      timeout: 10000,
    });
    await until('cluster_state:ok on every node', async () => {
      const infos = await Promise.all(nodes.map((port) => command(port, 'cluster', 'info')));
      return infos.every((text) => String(text).includes('cluster_state:ok'));
    });
  }

  /** SIGKILLs every process and removes the temporary directory. */
  async stop(): Promise<void> {
    await Promise.all(
      this.children.map((child) => {
        if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        return exited;
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/** One command on a short-lived plain connection (no key prefix, no cluster redirection). */
async function command(port: number, name: string, ...args: string[]): Promise<unknown> {
  const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.call(name, ...args);
  } finally {
    client.disconnect();
  }
}

async function info(port: number, section: string): Promise<string> {
  return String(await command(port, 'info', section));
}

function until(what: string, condition: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  return eventually(what, () => condition().catch(() => false), timeoutMs);
}
