import { EnvReader } from './env-parser';

export interface RedisNode {
  host: string;
  port: number;
}

/** Where the shared cache lives; `null` means the in-process cache (single process, dev only). */
export type RedisConfig =
  | { mode: 'standalone'; url: string; password?: string; keyPrefix: string; commandTimeoutMs: number }
  | {
      mode: 'sentinel';
      sentinels: RedisNode[];
      name: string;
      password?: string;
      sentinelPassword?: string;
      db: number;
      tls: boolean;
      keyPrefix: string;
      commandTimeoutMs: number;
    }
  | { mode: 'cluster'; nodes: RedisNode[]; password?: string; tls: boolean; keyPrefix: string; commandTimeoutMs: number };

export interface BusinessResultsCacheConfig {
  ttlS: number;
  staleS: number;
  /** Upper bound on upstream pages fetched for one tree (50 definitions a page). */
  maxPages: number;
  /** How long a hit is served from process memory after Redis last confirmed it (0: every hit asks Redis). */
  l1Ms: number;
  /**
   * The largest tree (serialised bytes) kept in the cache; a larger one is served from iSales on
   * each read, uncached, so one tenant's tree cannot take a replica's memory.
   */
  maxBytes: number;
}

function parseNodes(env: EnvReader, name: string, value: string): RedisNode[] {
  const nodes = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(entry);
      return match ? { host: match[1].replace(/^\[|\]$/g, ''), port: Number(match[2]) } : null;
    });
  if (nodes.length === 0 || nodes.some((n) => n === null || n.port < 1 || n.port > 65535)) {
    env.problem(name, 'must be a comma-separated list of host:port');
    return [];
  }
  return nodes as RedisNode[];
}

export function readRedisConfig(env: EnvReader): RedisConfig | null {
  const url = env.url('REDIS_URL', ['redis:', 'rediss:']);
  const sentinels = env.optionalString('REDIS_SENTINELS');
  const sentinelName = env.string('REDIS_SENTINEL_NAME', 'mymaster');
  const clusterNodes = env.optionalString('REDIS_CLUSTER_NODES');
  const password = env.optionalString('REDIS_PASSWORD');
  const sentinelPassword = env.optionalString('REDIS_SENTINEL_PASSWORD');
  const db = env.integer('REDIS_DB', 0, 0, 15);
  const tls = env.boolean('REDIS_TLS', false);
  const keyPrefix = env.string('REDIS_KEY_PREFIX', 'isales-gateway:');
  const commandTimeoutMs = env.integer('REDIS_COMMAND_TIMEOUT_MS', 250, 10, 60000);

  const chosen = [url && 'REDIS_URL', sentinels && 'REDIS_SENTINELS', clusterNodes && 'REDIS_CLUSTER_NODES'].filter(Boolean);
  if (chosen.length > 1) {
    env.problem(chosen.join(', '), 'set only one of REDIS_URL, REDIS_SENTINELS and REDIS_CLUSTER_NODES');
    return null;
  }
  // A password in REDIS_URL wins; REDIS_PASSWORD lets it come from a Secret instead of the URL.
  if (url) return { mode: 'standalone', url: url.toString(), password: url.password ? undefined : password, keyPrefix, commandTimeoutMs };
  if (sentinels) {
    return {
      mode: 'sentinel',
      sentinels: parseNodes(env, 'REDIS_SENTINELS', sentinels),
      name: sentinelName,
      password,
      sentinelPassword,
      db,
      tls,
      keyPrefix,
      commandTimeoutMs,
    };
  }
  if (clusterNodes) {
    return { mode: 'cluster', nodes: parseNodes(env, 'REDIS_CLUSTER_NODES', clusterNodes), password, tls, keyPrefix, commandTimeoutMs };
  }
  return null;
}

/**
 * A decoded tree takes a few times its serialised size in memory (each parent's and each code's
 * rendered text beside it): 4 MiB keeps one tree well inside the chart's 512 MiB limit.
 */
export const DEFAULT_BUSINESS_RESULTS_MAX_BYTES = 4 * 1024 * 1024;

export function readBusinessResultsCacheConfig(env: EnvReader): BusinessResultsCacheConfig {
  return {
    ttlS: env.integer('BUSINESS_RESULTS_TTL_S', 300, 1, 7 * 86400),
    staleS: env.integer('BUSINESS_RESULTS_STALE_S', 86400, 0, 30 * 86400),
    maxPages: env.integer('BUSINESS_RESULTS_MAX_PAGES', 200, 1, 10000),
    l1Ms: env.integer('BUSINESS_RESULTS_L1_MS', 1000, 0, 60000),
    maxBytes: env.integer('BUSINESS_RESULTS_MAX_BYTES', DEFAULT_BUSINESS_RESULTS_MAX_BYTES, 1024, 256 * 1024 * 1024),
  };
}
