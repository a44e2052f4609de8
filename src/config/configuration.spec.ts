import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './env-parser';
import { acceptedEnvironmentVariables, loadConfig } from './configuration';

const minimal = { ISALES_BASE_URL: 'https://10.22.26.181:28080', ISALES_AK: 'ak', ISALES_SK: 'sk-secret-value' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(minimal);
    expect(config.http.port).toBe(3000);
    expect(config.logLevel).toBe('info');
    expect(config.isales).toMatchObject({ timeoutMs: 10000, tlsRejectUnauthorized: true });
    expect(config.isales.credentials.source).toBe('ISALES_AK/ISALES_SK');
    expect(config.isales.credentials.table.fallback).toEqual({ ak: 'ak', sk: 'sk-secret-value' });
    expect(config.isales.baseUrl.host).toBe('10.22.26.181:28080');
    expect(config.redis).toBeNull();
    expect(config.businessResults).toMatchObject({ ttlS: 300, staleS: 86400 });
  });

  it('names every variable at fault, once each', () => {
    const problems = problemsOf({ PORT: 'abc', ISALES_BASE_URL: 'ftp://x', ISALES_TIMEOUT_MS: '0', LOG_LEVEL: 'loud' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['ISALES_AK', 'ISALES_BASE_URL', 'ISALES_SK', 'ISALES_TIMEOUT_MS', 'LOG_LEVEL', 'PORT'].sort());
  });

  it('never echoes a secret value', () => {
    const error = (() => {
      try {
        loadConfig({ ...minimal, ISALES_TIMEOUT_MS: 'sk-secret-value', REDIS_URL: 'redis://:hunter2@' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).not.toContain('sk-secret-value');
    expect(error!.message).not.toContain('hunter2');
  });

  it('reads Redis standalone, Sentinel and Cluster settings', () => {
    expect(loadConfig({ ...minimal, REDIS_URL: 'rediss://:pw@cache:6380/2' }).redis).toMatchObject({ mode: 'standalone' });
    expect(loadConfig({ ...minimal, REDIS_URL: 'redis://cache:6379/0', REDIS_PASSWORD: 'from-secret' }).redis).toMatchObject({
      mode: 'standalone',
      password: 'from-secret',
    });
    expect(loadConfig({ ...minimal, REDIS_SENTINELS: 'a:26379, b:26380', REDIS_SENTINEL_NAME: 'm' }).redis).toMatchObject({
      mode: 'sentinel',
      name: 'm',
      sentinels: [
        { host: 'a', port: 26379 },
        { host: 'b', port: 26380 },
      ],
    });
    expect(loadConfig({ ...minimal, REDIS_CLUSTER_NODES: '127.0.0.1:7000' }).redis).toMatchObject({ mode: 'cluster' });
    expect(problemsOf({ ...minimal, REDIS_URL: 'redis://x', REDIS_CLUSTER_NODES: 'a:1' })[0]).toContain('REDIS_URL');
    expect(problemsOf({ ...minimal, REDIS_SENTINELS: 'nope' })[0]).toMatch(/^REDIS_SENTINELS/);
  });

  it('checks the CA file exists', () => {
    expect(problemsOf({ ...minimal, ISALES_TLS_CA_FILE: '/nonexistent/ca.pem' })).toEqual(['ISALES_TLS_CA_FILE: is not a readable file']);
  });

  describe('iSales credentials', () => {
    const base = { ISALES_BASE_URL: minimal.ISALES_BASE_URL };
    const document = '[{"ak":"ak-1","sk":"sk-one-secret","vdns":[1]},{"ak":"ak-2","sk":"sk-two-secret","vdns":"*"}]';
    const fileWith = (text: string) => {
      const path = join(mkdtempSync(join(tmpdir(), 'isales-credentials-')), 'credentials.json');
      writeFileSync(path, text);
      return path;
    };

    it('reads the inline document in place of ISALES_AK/ISALES_SK', () => {
      const { credentials } = loadConfig({ ...base, ISALES_CREDENTIALS: document }).isales;
      expect(credentials.source).toBe('ISALES_CREDENTIALS');
      expect(credentials.table.byVdn.get(1)?.ak).toBe('ak-1');
      expect(credentials.table.fallback?.ak).toBe('ak-2');
    });

    it('reads the document from ISALES_CREDENTIALS_FILE and keeps the path to watch', () => {
      const file = fileWith(document);
      const { credentials } = loadConfig({ ...base, ISALES_CREDENTIALS_FILE: file }).isales;
      expect(credentials).toMatchObject({ source: 'ISALES_CREDENTIALS_FILE', file, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    });

    it.each([
      ['both document forms', { ISALES_CREDENTIALS: document, ISALES_CREDENTIALS_FILE: '/x' }, 'ISALES_CREDENTIALS, ISALES_CREDENTIALS_FILE: set only one'],
      [
        'a document and ISALES_AK/ISALES_SK',
        { ISALES_CREDENTIALS: document, ISALES_AK: 'ak', ISALES_SK: 'sk-secret-value' },
        'ISALES_CREDENTIALS, ISALES_AK, ISALES_SK: a credentials document replaces',
      ],
      [
        'a document file and ISALES_SK',
        { ISALES_CREDENTIALS_FILE: '/x', ISALES_SK: 'sk-secret-value' },
        'ISALES_CREDENTIALS_FILE, ISALES_SK: a credentials document replaces',
      ],
      ['ISALES_AK without ISALES_SK', { ISALES_AK: 'ak' }, 'ISALES_SK: is required unless ISALES_CREDENTIALS or ISALES_CREDENTIALS_FILE is set'],
      ['a missing file', { ISALES_CREDENTIALS_FILE: '/nonexistent/credentials.json' }, 'ISALES_CREDENTIALS_FILE: is not a readable file'],
      ['malformed JSON', { ISALES_CREDENTIALS: '[{"ak":"ak-1","sk":"sk-one-secret"' }, 'ISALES_CREDENTIALS: is not valid JSON'],
      [
        'a VDN listed twice',
        { ISALES_CREDENTIALS: '[{"ak":"a","sk":"sk-one-secret","vdns":[5]},{"ak":"b","sk":"sk-two-secret","vdns":[5]}]' },
        'ISALES_CREDENTIALS: VDN 5 is listed by pairs 1 and 2',
      ],
    ])('refuses %s, naming the variables and no value', (_name, env, expected) => {
      const problems = problemsOf({ ...base, ...env });
      expect(problems).toEqual([expect.stringContaining(expected)]);
      for (const secret of ['sk-secret-value', 'sk-one-secret', 'sk-two-secret', 'ak-1']) expect(problems.join('\n')).not.toContain(secret);
    });

    it('names the file variable for a malformed file', () => {
      expect(problemsOf({ ...base, ISALES_CREDENTIALS_FILE: fileWith('[{"ak":"a","sk":"sk-one-secret","vdns":"*"},') })).toEqual([
        'ISALES_CREDENTIALS_FILE: is not valid JSON',
      ]);
    });
  });

  it('lists every accepted variable', () => {
    const byConcern = {
      server: ['PORT', 'LOG_LEVEL'],
      isales: ['ISALES_BASE_URL', 'ISALES_AK', 'ISALES_SK', 'ISALES_CREDENTIALS', 'ISALES_CREDENTIALS_FILE'],
      redis: ['REDIS_URL', 'REDIS_KEY_PREFIX', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'],
      cache: ['BUSINESS_RESULTS_TTL_S'],
    };
    expect(acceptedEnvironmentVariables()).toEqual(expect.arrayContaining(Object.values(byConcern).flat()));
  });
});
