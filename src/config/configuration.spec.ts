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
    expect(config.isales).toMatchObject({ ak: 'ak', timeoutMs: 10000, tlsRejectUnauthorized: true });
    expect(config.isales.baseUrl.host).toBe('10.22.26.181:28080');
    expect(config.redis).toBeNull();
    expect(config.businessResults).toMatchObject({ ttlS: 300, staleS: 86400 });
  });

  it('names every variable at fault, once each', () => {
    const problems = problemsOf({ PORT: 'abc', ISALES_BASE_URL: 'ftp://x', ISALES_TIMEOUT_MS: '0', LOG_LEVEL: 'loud' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(
      ['ISALES_AK', 'ISALES_BASE_URL', 'ISALES_SK', 'ISALES_TIMEOUT_MS', 'LOG_LEVEL', 'PORT'].sort(),
    );
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
      sentinels: [{ host: 'a', port: 26379 }, { host: 'b', port: 26380 }],
    });
    expect(loadConfig({ ...minimal, REDIS_CLUSTER_NODES: '127.0.0.1:7000' }).redis).toMatchObject({ mode: 'cluster' });
    expect(problemsOf({ ...minimal, REDIS_URL: 'redis://x', REDIS_CLUSTER_NODES: 'a:1' })[0]).toContain('REDIS_URL');
    expect(problemsOf({ ...minimal, REDIS_SENTINELS: 'nope' })[0]).toMatch(/^REDIS_SENTINELS/);
  });

  it('checks the CA file exists', () => {
    expect(problemsOf({ ...minimal, ISALES_TLS_CA_FILE: '/nonexistent/ca.pem' })).toEqual([
      'ISALES_TLS_CA_FILE: is not a readable file',
    ]);
  });

  it('lists every accepted variable', () => {
    expect(acceptedEnvironmentVariables()).toEqual(
      expect.arrayContaining(['PORT', 'ISALES_BASE_URL', 'ISALES_AK', 'ISALES_SK', 'REDIS_URL', 'REDIS_KEY_PREFIX', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES', 'BUSINESS_RESULTS_TTL_S', 'LOG_LEVEL']),
    );
  });
});
