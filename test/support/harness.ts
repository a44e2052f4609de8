import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Simulator, SimulatorOptions, startSimulator as listeningSimulator } from '../../simulator/simulator';
import { createApp } from '../../src/app.setup';
import { apiKeyHash } from '../../src/auth/api-key.verifier';
import { Scope, SCOPES } from '../../src/common/request/scopes';
import { AppConfig, loadConfig } from '../../src/config/configuration';
import { createGatewayClient, GatewayClient } from '../../clients/typescript/src/index';
import { LogCapture, sharedLogCapture } from './log-capture';
import { assertResponseMatchesContract, contractCheckedFetch } from './response-contract';
import { RedisProcess } from './redis-server';

export const TEST_AK = 'e2e-ak';
export const TEST_SK = 'e2e-sk-0123456789-secret';

/** The default test principal: an API key with every VDN and every scope. */
export const TEST_API_KEY = 'e2e-api-key-0123456789-all-vdns';
export const TEST_API_KEYS = JSON.stringify([{ id: 'e2e', sha256: apiKeyHash(TEST_API_KEY), vdns: '*', scopes: [...SCOPES] }]);
/** A principal of a test's own: its raw API key (hashed for AUTH_API_KEYS), VDNs and scopes. */
export interface TestApiKey {
  id: string;
  key: string;
  vdns: '*' | number[];
  scopes: Scope[];
}

/** AUTH_API_KEYS with the default test principal and `others`. */
export function apiKeysWith(...others: TestApiKey[]): string {
  const entries = others.map(({ id, key, vdns, scopes }) => ({ id, sha256: apiKeyHash(key), vdns, scopes }));
  return JSON.stringify([...(JSON.parse(TEST_API_KEYS) as unknown[]), ...entries]);
}

/** `init` as the principal of API key `key`. */
export function asApiKey(key: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), 'x-api-key': key } };
}

/** Settings by which a test chooses its own access control instead of the default test principal. */
export const AUTH_SETTINGS = ['AUTH_API_KEYS', 'AUTH_API_KEYS_FILE', 'AUTH_JWKS_URL', 'AUTH_DISABLED'];

/** The environment that configures the default test principal, for gateways started as processes. */
export const TEST_AUTH_ENV: Record<string, string> = { AUTH_API_KEYS: TEST_API_KEYS };

/**
 * `init` with the default test principal's API key, unless it carries its own credentials
 * (an Authorization or X-API-Key header) or asks for none (`credentials: 'omit'`).
 */
export function withTestCredentials(init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  if (init.credentials === 'omit' || headers.has('authorization') || headers.has('x-api-key')) return init;
  headers.set('x-api-key', TEST_API_KEY);
  return { ...init, headers };
}

export interface Gateway {
  app: NestFastifyApplication;
  url: string;
  logs: LogCapture;
  config: AppConfig;
  /** A request to this gateway as the default test principal (see withTestCredentials), through `callGateway`. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Every e2e call to the gateway goes through here: as the default test principal (unless `init`
 * says otherwise, see withTestCredentials), and the answer is held to openapi.json before the test
 * sees it.
 */
export async function callGateway(baseUrl: string, path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(baseUrl + path, withTestCredentials(init));
  await assertResponseMatchesContract(init.method ?? 'GET', path, response);
  return response;
}

/** The typed client a frontend would use, as the default test principal and with the same contract check. */
export function gatewayClient(baseUrl: string): GatewayClient {
  return createGatewayClient({ baseUrl, auth: { apiKey: TEST_API_KEY }, fetch: contractCheckedFetch });
}

/** Starts the real gateway on an ephemeral port against `isalesUrl`, with extra environment. */
export async function startGateway(isalesUrl: string, env: Record<string, string> = {}): Promise<Gateway> {
  const config = loadConfig({
    ISALES_BASE_URL: isalesUrl,
    ISALES_AK: TEST_AK,
    ISALES_SK: TEST_SK,
    ISALES_TIMEOUT_MS: '2000',
    LOG_LEVEL: 'debug',
    ...(AUTH_SETTINGS.some((name) => name in env) ? {} : TEST_AUTH_ENV),
    // Any free port: parallel test files (and a running demo) would collide on 9464.
    METRICS_PORT: '0',
    ...env,
  });
  const logs = sharedLogCapture;
  const app = await createApp(config, { logStream: logs });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return { app, url, logs, config, fetch: (path, init) => callGateway(url, path, init), close: () => app.close() };
}

/** The simulator (simulator/simulator.ts' startSimulator) with the e2e pair as its credentials. */
export function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return listeningSimulator({ ak: TEST_AK, sk: TEST_SK, ...options });
}

/** A simulator and, with `redis`, a redis-server, of a test file's own. */
interface Backends {
  simulator: Simulator;
  redis?: RedisProcess;
}

async function startBackends(options: { redis?: boolean; simulator?: SimulatorOptions }): Promise<Backends> {
  const redis = options.redis ? await RedisProcess.start() : undefined;
  return { redis, simulator: await startSimulator(options.simulator) };
}

async function stopBackends(backends: Backends | undefined): Promise<void> {
  await backends?.simulator.close();
  await backends?.redis?.stop();
}

/** How a suite reaches the backends its `beforeAll` started. */
class BackendsHandle {
  backends?: Backends;

  get simulator(): Simulator {
    return this.backends!.simulator;
  }

  /** The redis-server (only when one was asked for). */
  get redis(): RedisProcess {
    if (!this.backends?.redis) throw new Error('these backends have no redis-server');
    return this.backends.redis;
  }
}

/**
 * A simulator of the test file's own and, with `redis`, a redis-server: started before the file's
 * tests, stopped after them. For suites that start their gateways themselves, per test or as processes.
 * Call it inside `describe`.
 */
export function useSimulator(options: { redis?: boolean; simulator?: SimulatorOptions } = {}): BackendsHandle {
  const handle = new BackendsHandle();
  beforeAll(async () => {
    handle.backends = await startBackends(options);
  });
  afterAll(() => stopBackends(handle.backends));
  return handle;
}

/**
 * Replicas of the gateway in front of one simulator, sharing one redis-server of the test file's own:
 * a gateway per entry of `envs` (REDIS_URL added), started one after another before the file's tests
 * (each through `ready`, when given) and closed after them, before the simulator and Redis stop.
 * Call it inside `describe`.
 */
export function useReplicas(
  envs: Array<Record<string, string>>,
  options: { simulator?: SimulatorOptions; ready?: (gateway: Gateway) => Promise<unknown> } = {},
) {
  const handle = Object.assign(new BackendsHandle(), { gateways: [] as Gateway[] });
  beforeAll(async () => {
    handle.backends = await startBackends({ redis: true, simulator: options.simulator });
    for (const env of envs) {
      const gateway = await startGateway(handle.simulator.url, { ...env, REDIS_URL: handle.redis.url });
      handle.gateways.push(gateway);
      await options.ready?.(gateway);
    }
  });
  afterAll(async () => {
    await Promise.all(handle.gateways.splice(0).map((gateway) => gateway.close()));
    await stopBackends(handle.backends);
  });
  return handle;
}

/** A gateway in front of a fresh simulator: what most e2e suites need. */
export async function startStack(options: { simulator?: SimulatorOptions; env?: Record<string, string> } = {}) {
  const simulator = await startSimulator(options.simulator);
  const gateway = await startGateway(simulator.url, options.env);
  return {
    simulator,
    gateway,
    get: (path: string, init?: RequestInit) => gateway.fetch(path, init),
    /** Any method; every e2e call to the gateway goes through here, `get` or `client`, so shared headers live in one place. */
    request: (path: string, init?: RequestInit) => gateway.fetch(path, init),
    client: gatewayClient(gateway.url),
    close: async () => {
      await gateway.close();
      await simulator.close();
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/**
 * One gateway-and-simulator stack for a test file, with a fresh fault list and request log for each
 * test; with `redis`, the gateway on a real redis-server of its own. Call it inside `describe`.
 */
export function useStack(options: Parameters<typeof startStack>[0] & { redis?: boolean } = {}) {
  let stack: Stack;
  let redis: RedisProcess | undefined;
  beforeAll(async () => {
    if (options.redis) redis = await RedisProcess.start();
    stack = await startStack(redis ? { ...options, env: { ...options.env, REDIS_URL: redis.url } } : options);
  });
  afterAll(async () => {
    await stack?.close();
    await redis?.stop();
  });
  beforeEach(() => {
    stack.simulator.clearFaults();
    stack.simulator.clearRequests();
  });
  return {
    get simulator() {
      return stack.simulator;
    },
    get gateway() {
      return stack.gateway;
    },
    /** The typed client (clients/typescript) on this stack's gateway. */
    get client() {
      return stack.client;
    },
    get: (path: string, init?: RequestInit) => stack.get(path, init),
    request: (path: string, init?: RequestInit) => stack.request(path, init),
    /** The JSON bodies iSales received for `operation`, oldest first. */
    upstreamBodies: (operation: string): unknown[] => stack.simulator.requests.filter((r) => r.operation === operation).map((r) => JSON.parse(r.body)),
  };
}

/** A call to one gateway of several (replica tests); like `stack.request`, the one place for shared headers. */
export function requestGateway(gateway: Gateway, path: string, init?: RequestInit): Promise<Response> {
  return gateway.fetch(path, init);
}

/** Like useStack, with the gateway on a real redis-server of its own (idempotent replays kept where production keeps them). */
export function useRedisStack(env: Record<string, string> = {}) {
  return useStack({ env, redis: true });
}
