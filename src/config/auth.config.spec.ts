import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertAccessControlConfigured } from './auth.config';
import { loadConfig } from './configuration';
import { ConfigError } from './env-parser';

const minimal = { ISALES_BASE_URL: 'https://10.22.26.181:28080', ISALES_AK: 'ak', ISALES_SK: 'sk' };
const KEYS = JSON.stringify([{ id: 'crm', sha256: 'c'.repeat(64), vdns: [1], scopes: ['isales:read'] }]);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...minimal, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('access control configuration', () => {
  it('reads the JWT settings with their defaults, and needs issuer and audience with a JWKS', () => {
    const config = loadConfig({ ...minimal, AUTH_JWKS_URL: 'https://idp/certs', AUTH_ISSUER: 'https://idp', AUTH_AUDIENCE: 'gw' });
    expect(config.auth.jwt).toMatchObject({ issuer: 'https://idp', audience: 'gw', clockToleranceS: 30, vdnClaim: 'vdns', jwksCooldownS: 30 });
    expect(
      problemsOf({ AUTH_JWKS_URL: 'https://idp/certs' })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['AUTH_AUDIENCE', 'AUTH_ISSUER']);
  });

  it('reads API keys inline or from a file, never both', () => {
    expect(loadConfig({ ...minimal, AUTH_API_KEYS: KEYS }).auth.apiKeys.map((k) => k.id)).toEqual(['crm']);
    const file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'api-keys.json');
    writeFileSync(file, KEYS);
    expect(loadConfig({ ...minimal, AUTH_API_KEYS_FILE: file }).auth.apiKeys.map((k) => k.id)).toEqual(['crm']);
    expect(problemsOf({ AUTH_API_KEYS: KEYS, AUTH_API_KEYS_FILE: file })[0]).toMatch(/^AUTH_API_KEYS, AUTH_API_KEYS_FILE/);
    expect(problemsOf({ AUTH_API_KEYS_FILE: '/nonexistent/keys.json' })[0]).toMatch(/^AUTH_API_KEYS_FILE: is not a readable file/);
  });

  it('stops on a malformed keys document, naming the variable and never echoing it', () => {
    const raw = 'my-raw-secret-key';
    const problems = problemsOf({ AUTH_API_KEYS: JSON.stringify([{ id: 'crm', sha256: raw, vdns: [1], scopes: ['isales:read'] }]) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^AUTH_API_KEYS: entry 0 \(crm\): sha256/);
    expect(problems.join()).not.toContain(raw);
  });

  it('refuses to run with no way to authenticate unless AUTH_DISABLED=true', () => {
    expect(() => assertAccessControlConfigured(loadConfig(minimal).auth)).toThrow(ConfigError);
    expect(() => assertAccessControlConfigured(loadConfig({ ...minimal, AUTH_API_KEYS: '[]' }).auth)).toThrow(/AUTH_DISABLED=true/);
    expect(() => assertAccessControlConfigured(loadConfig({ ...minimal, AUTH_DISABLED: 'true' }).auth)).not.toThrow();
    expect(() => assertAccessControlConfigured(loadConfig({ ...minimal, AUTH_API_KEYS: KEYS }).auth)).not.toThrow();
  });

  it('reads the edge settings: rate limit only when RATE_LIMIT_MAX is set, CORS origins, docs', () => {
    expect(loadConfig(minimal).edge).toEqual({
      rateLimit: null,
      corsOrigins: [],
      docsEnabled: true,
      trustProxy: { kind: 'off' },
      server: { requestTimeoutMs: 30000, headersTimeoutMs: 10000, keepAliveTimeoutMs: 72000, maxConnections: 1024, bodyLimitBytes: 65536 },
    });
    expect(loadConfig({ ...minimal, RATE_LIMIT_MAX: '100' }).edge.rateLimit).toEqual({ max: 100, windowS: 60 });
    expect(loadConfig({ ...minimal, CORS_ORIGINS: 'https://crm.example.com, http://localhost:5173/' }).edge.corsOrigins).toEqual([
      'https://crm.example.com',
      'http://localhost:5173',
    ]);
    expect(problemsOf({ CORS_ORIGINS: 'https://crm.example.com/path,*' })[0]).toMatch(/^CORS_ORIGINS/);
    expect(problemsOf({ RATE_LIMIT_MAX: '0' })[0]).toMatch(/^RATE_LIMIT_MAX/);
    expect(loadConfig({ ...minimal, DOCS_ENABLED: 'false' }).edge.docsEnabled).toBe(false);
  });

  it('reads TRUST_PROXY as off, a hop count or proxy addresses/CIDRs, and the HTTP bounds', () => {
    expect(loadConfig({ ...minimal, TRUST_PROXY: 'off' }).edge.trustProxy).toEqual({ kind: 'off' });
    expect(loadConfig({ ...minimal, TRUST_PROXY: '2' }).edge.trustProxy).toEqual({ kind: 'hops', hops: 2 });
    expect(loadConfig({ ...minimal, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).edge.trustProxy).toEqual({
      kind: 'addresses',
      list: ['127.0.0.1', '10.0.0.0/8', '::1'],
    });
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33' })[0]).toMatch(/^TRUST_PROXY/);
    expect(problemsOf({ TRUST_PROXY: 'loopback' })[0]).toMatch(/^TRUST_PROXY/);
    expect(problemsOf({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' })[0]).toMatch(/^HTTP_HEADERS_TIMEOUT_MS/);
    expect(loadConfig({ ...minimal, HTTP_REQUEST_TIMEOUT_MS: '3000' }).edge.server.headersTimeoutMs).toBe(3000);
    expect(problemsOf({ HTTP_BODY_LIMIT_BYTES: 'big' })[0]).toMatch(/^HTTP_BODY_LIMIT_BYTES/);
  });
});
