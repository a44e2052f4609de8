/** Reads docker-compose.yml the way `docker compose` sees it (environment as a map, interpolated). */
import { join } from 'node:path';
import { ROOT, readYaml } from './helm-chart';

export type Service = Record<string, unknown> & {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: (string | { published?: string | number; target?: number })[];
  read_only?: boolean;
  stop_grace_period?: string;
};

export function composeFile(): { services: Record<string, Service> } {
  return readYaml(join(ROOT, 'docker-compose.yml')) as { services: Record<string, Service> };
}

/** `${VAR:-default}` / `${VAR-default}` / `${VAR}` / `$VAR`, with the given shell environment. */
export function interpolate(value: string, shell: Record<string, string | undefined> = {}): string {
  return value.replace(/\$\{(\w+)(?:(:?-)([^}]*))?\}|\$(\w+)/g, (_m, name: string, op: string, def: string, bare: string) => {
    const v = shell[name ?? bare];
    if (op === ':-') return v === undefined || v === '' ? def : v;
    if (op === '-') return v === undefined ? def : v;
    return v ?? '';
  });
}

/** The service's environment as a map of raw (uninterpolated) strings. */
export function serviceEnv(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  const out: Record<string, string> = {};
  if (Array.isArray(env)) {
    for (const entry of env) {
      const i = entry.indexOf('=');
      out[i < 0 ? entry : entry.slice(0, i)] = i < 0 ? '' : entry.slice(i + 1);
    }
  } else {
    for (const [k, v] of Object.entries(env)) out[k] = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}

/** Compose durations: 30s, 1m30s, 1500ms, 1h. */
export function durationMs(value: string): number {
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|us|s|m|h)/g)];
  if (parts.map((p) => p[0]).join('') !== value) throw new Error(`not a compose duration: ${value}`);
  const unit: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60000, h: 3600000 };
  return parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2]], 0);
}
