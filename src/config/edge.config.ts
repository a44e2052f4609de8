import { EnvReader } from './env-parser';

export interface RateLimitConfig {
  max: number;
  windowS: number;
}

/** What the HTTP edge allows: rate limits, cross-origin callers and the API docs. */
export interface EdgeConfig {
  /** `null`: no limit (RATE_LIMIT_MAX unset). */
  rateLimit: RateLimitConfig | null;
  /** Origins allowed to call from a browser; empty: no CORS headers at all. */
  corsOrigins: string[];
  docsEnabled: boolean;
}

function readOrigins(env: EnvReader): string[] {
  const raw = env.optionalString('CORS_ORIGINS');
  if (raw === undefined) return [];
  const origins = raw.split(',').map((o) => o.trim()).filter(Boolean);
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

export function readEdgeConfig(env: EnvReader): EdgeConfig {
  const max = env.optionalString('RATE_LIMIT_MAX') === undefined ? undefined : env.integer('RATE_LIMIT_MAX', 0, 1, 1_000_000);
  const windowS = env.integer('RATE_LIMIT_WINDOW_S', 60, 1, 86400);
  return {
    rateLimit: max === undefined ? null : { max, windowS },
    corsOrigins: readOrigins(env),
    docsEnabled: env.boolean('DOCS_ENABLED', true),
  };
}
