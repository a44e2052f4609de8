import { parseTrustedProxies, TrustProxy } from './trusted-proxies';
import { EnvReader } from './env-parser';

export interface RateLimitConfig {
  max: number;
  windowS: number;
}

/** The HTTP server's own bounds (docs/design.md section 14). */
export interface ServerLimits {
  /** The whole request, body included (HTTP_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Until the headers are complete (HTTP_HEADERS_TIMEOUT_MS); never above the request timeout. */
  headersTimeoutMs: number;
  /** An idle keep-alive connection (HTTP_KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number;
  /** Open connections per replica; 0: no bound (HTTP_MAX_CONNECTIONS). */
  maxConnections: number;
  /** The largest body any write accepts (HTTP_BODY_LIMIT_BYTES); a route may take less. */
  bodyLimitBytes: number;
}

/** What the HTTP edge allows: rate limits, trusted proxies, server bounds, cross-origin callers and the API docs. */
export interface EdgeConfig {
  /** Whose X-Forwarded-For is believed (TRUST_PROXY); off by default. */
  trustProxy: TrustProxy;
  server: ServerLimits;
  /** `null`: no limit (RATE_LIMIT_MAX unset). */
  rateLimit: RateLimitConfig | null;
  /** Origins allowed to call from a browser; empty: no CORS headers at all. */
  corsOrigins: string[];
  docsEnabled: boolean;
}

function readOrigins(env: EnvReader): string[] {
  const raw = env.optionalString('CORS_ORIGINS');
  if (raw === undefined) return [];
  const origins = raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const valid = origins.every((origin) => {
    try {
      const url = new URL(origin);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin.replace(/\/$/, '');
    } catch {
      return false;
    }
  });
  if (!valid) env.problem('CORS_ORIGINS', 'must be a comma-separated list of origins such as https://crm.example.com');
  return valid ? origins.map((o) => o.replace(/\/$/, '')) : [];
}

function readTrustProxy(env: EnvReader): TrustProxy {
  const raw = env.optionalString('TRUST_PROXY')?.trim();
  if (raw === undefined || raw === '' || /^(off|false|0)$/i.test(raw)) return { kind: 'off' };
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 16) env.problem('TRUST_PROXY', 'a hop count must be between 0 and 16');
    return hops > 16 ? { kind: 'off' } : { kind: 'hops', hops };
  }
  const parsed = parseTrustedProxies(raw);
  if ('invalid' in parsed) {
    env.problem('TRUST_PROXY', 'must be off, a hop count, or comma-separated proxy addresses/CIDRs such as 10.0.0.0/8');
    return { kind: 'off' };
  }
  return { kind: 'addresses', list: parsed.list };
}

/**
 * Open connections per replica by default: an idle one costs about 10 KB, so 1024 of them stay
 * within a few percent of the chart's 512 MiB limit, and are far more than an ingress keeps open.
 */
export const DEFAULT_MAX_CONNECTIONS = 1024;

function readServerLimits(env: EnvReader): ServerLimits {
  const requestTimeoutMs = env.integer('HTTP_REQUEST_TIMEOUT_MS', 30000, 1000, 3_600_000);
  const headersTimeoutMs = env.integer('HTTP_HEADERS_TIMEOUT_MS', Math.min(10000, requestTimeoutMs), 500, 3_600_000);
  // Node refuses a headers timeout above the request timeout: a trickling body would never be cut.
  if (headersTimeoutMs > requestTimeoutMs) env.problem('HTTP_HEADERS_TIMEOUT_MS', 'must not be above HTTP_REQUEST_TIMEOUT_MS');
  return {
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs: env.integer('HTTP_KEEP_ALIVE_TIMEOUT_MS', 72000, 1000, 3_600_000),
    maxConnections: env.integer('HTTP_MAX_CONNECTIONS', DEFAULT_MAX_CONNECTIONS, 0, 1_000_000),
    bodyLimitBytes: env.integer('HTTP_BODY_LIMIT_BYTES', 65536, 1024, 16 * 1024 * 1024),
  };
}

export function readEdgeConfig(env: EnvReader): EdgeConfig {
  const max = env.optionalString('RATE_LIMIT_MAX') === undefined ? undefined : env.integer('RATE_LIMIT_MAX', 0, 1, 1_000_000);
  const windowS = env.integer('RATE_LIMIT_WINDOW_S', 60, 1, 86400);
  return {
    rateLimit: max === undefined ? null : { max, windowS },
    trustProxy: readTrustProxy(env),
    server: readServerLimits(env),
    corsOrigins: readOrigins(env),
    docsEnabled: env.boolean('DOCS_ENABLED', true),
  };
}
