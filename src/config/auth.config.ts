import { readFileSync } from 'node:fs';
import { ApiKeyEntry, parseApiKeys } from './api-keys.parser';
import { ConfigError, EnvReader } from './env-parser';

export interface JwtConfig {
  jwksUrl: URL;
  issuer: string;
  audience: string;
  clockToleranceS: number;
  /** The claim holding the principal's VDNs. */
  vdnClaim: string;
  /** Least time between two fetches of the key set (an unknown `kid` triggers one). */
  jwksCooldownS: number;
}

export interface AuthConfig {
  /** AUTH_DISABLED=true: every request passes as an anonymous principal with every VDN and scope. */
  disabled: boolean;
  jwt: JwtConfig | null;
  apiKeys: ApiKeyEntry[];
}

function readJwtConfig(env: EnvReader): JwtConfig | null {
  const jwksUrl = env.url('AUTH_JWKS_URL', ['https:', 'http:']);
  const issuer = env.optionalString('AUTH_ISSUER');
  const audience = env.optionalString('AUTH_AUDIENCE');
  const clockToleranceS = env.integer('AUTH_CLOCK_TOLERANCE_S', 30, 0, 300);
  const vdnClaim = env.string('AUTH_VDN_CLAIM', 'vdns');
  const jwksCooldownS = env.integer('AUTH_JWKS_COOLDOWN_S', 30, 1, 3600);
  if (!jwksUrl) return null;
  // Without both checks a token the same issuer made for another application would be accepted.
  if (!issuer) env.problem('AUTH_ISSUER', 'is required with AUTH_JWKS_URL');
  if (!audience) env.problem('AUTH_AUDIENCE', 'is required with AUTH_JWKS_URL');
  return { jwksUrl, issuer: issuer ?? '', audience: audience ?? '', clockToleranceS, vdnClaim, jwksCooldownS };
}

function readApiKeys(env: EnvReader): ApiKeyEntry[] {
  const inline = env.optionalString('AUTH_API_KEYS');
  const file = env.optionalString('AUTH_API_KEYS_FILE');
  if (inline && file) {
    env.problem('AUTH_API_KEYS, AUTH_API_KEYS_FILE', 'set only one of them');
    return [];
  }
  let text = inline;
  const name = file ? 'AUTH_API_KEYS_FILE' : 'AUTH_API_KEYS';
  if (file) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      env.problem(name, 'is not a readable file');
      return [];
    }
  }
  if (text === undefined) return [];
  const parsed = parseApiKeys(text);
  if ('problem' in parsed) {
    env.problem(name, parsed.problem);
    return [];
  }
  return parsed.keys;
}

export function readAuthConfig(env: EnvReader): AuthConfig {
  return { disabled: env.boolean('AUTH_DISABLED', false), jwt: readJwtConfig(env), apiKeys: readApiKeys(env) };
}

/**
 * The start-up rule of docs/design.md section 8: a gateway that would answer anyone must be asked for.
 * Checked when the application is built (and by main.ts, for its exit code), not by loadConfig,
 * so that a configuration read for another purpose (a unit test, the OpenAPI writer) needs no credentials.
 */
export function assertAccessControlConfigured(auth: AuthConfig): void {
  if (!auth.disabled && auth.jwt === null && auth.apiKeys.length === 0) {
    throw new ConfigError(['AUTH_JWKS_URL, AUTH_API_KEYS, AUTH_API_KEYS_FILE: set at least one (or AUTH_DISABLED=true to answer every caller)']);
  }
}
