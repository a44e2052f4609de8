import { createHash } from 'node:crypto';
import { ConfigError } from './env-parser';
import { loadConfig } from './configuration';

const BASE = { ISALES_BASE_URL: 'http://127.0.0.1:1', ISALES_AK: 'ak', ISALES_SK: 'sk' };

describe('call-results configuration', () => {
  it('has bounded defaults and no callback without tokens', () => {
    expect(loadConfig(BASE).callResults).toEqual({
      callbackTokens: [],
      callbackSources: null,
      streamMaxLen: 100000,
      streamMaxAgeS: 86400,
      sseMax: 100,
      sseMaxPerPrincipal: 10,
      sseHeartbeatS: 15,
    });
  });

  it('reads tokens and sources, and names a bad one without its value', () => {
    const hash = createHash('sha256').update('t').digest('hex');
    const config = loadConfig({
      ...BASE,
      ISALES_CALLBACK_TOKENS: JSON.stringify([{ token: hash, vdns: [1] }]),
      ISALES_CALLBACK_SOURCES: '10.0.0.0/8, 192.0.2.1',
    });
    expect(config.callResults.callbackTokens).toEqual([{ id: '0', sha256: hash, vdns: new Set([1]) }]);
    expect(config.callResults.callbackSources).toEqual(['10.0.0.0/8', '192.0.2.1']);
    const bad = () => loadConfig({ ...BASE, ISALES_CALLBACK_TOKENS: '[{"token":"raw-secret","vdns":[1]}]', ISALES_CALLBACK_SOURCES: 'nowhere' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/ISALES_CALLBACK_TOKENS.*\n?.*ISALES_CALLBACK_SOURCES|ISALES_CALLBACK_SOURCES.*ISALES_CALLBACK_TOKENS/s);
    expect(bad).not.toThrow(/raw-secret/);
  });
});
