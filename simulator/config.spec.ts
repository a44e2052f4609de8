import { loadLaunchConfig } from './config';

describe('loadLaunchConfig', () => {
  it('defaults to 127.0.0.1:18080 with no options set', () => {
    expect(loadLaunchConfig({})).toEqual({ port: 18080, host: '127.0.0.1', logRequests: true, options: {} });
  });

  it('reads every SIMULATOR_* variable', () => {
    const config = loadLaunchConfig({
      SIMULATOR_PORT: '0',
      SIMULATOR_HOST: '0.0.0.0',
      SIMULATOR_AK: 'ak',
      SIMULATOR_SK: 'sk',
      SIMULATOR_CLOCK_SKEW_S: '60',
      SIMULATOR_GENERATED_SIZE: '10',
      SIMULATOR_BUSINESS_RESULT_PARENTS: '4',
      SIMULATOR_EMPTY_VDNS: '9999, 77',
      SIMULATOR_MAX_IDS: '5',
      SIMULATOR_DROP_RETURN_CODE: 'true',
      SIMULATOR_DROP_COUNT: '0',
      SIMULATOR_LOG_REQUESTS: 'false',
      SIMULATOR_FAULTS: '{"queryServer":{"httpStatus":503,"times":2},"*":{"latencyMs":20}}',
    });
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      logRequests: false,
      options: {
        ak: 'ak',
        sk: 'sk',
        clockSkewSeconds: 60,
        generatedSize: 10,
        businessResultParents: 4,
        emptyVdns: [9999, 77],
        maxIds: 5,
        dropReturnCode: true,
        dropCount: false,
        faults: { queryServer: { httpStatus: 503, times: 2 }, '*': { latencyMs: 20 } },
      },
    });
  });

  it('reads several pairs from SIMULATOR_CREDENTIALS, refusing it next to SIMULATOR_AK/SK', () => {
    const document = '[{"ak":"a","sk":"sk-a-secret","vdns":[1,2]},{"ak":"b","sk":"sk-b-secret","vdns":"*"}]';
    expect(loadLaunchConfig({ SIMULATOR_CREDENTIALS: document }).options.credentials).toEqual([
      { ak: 'a', sk: 'sk-a-secret', vdns: [1, 2] },
      { ak: 'b', sk: 'sk-b-secret', vdns: '*' },
    ]);
    expect(() => loadLaunchConfig({ SIMULATOR_CREDENTIALS: document, SIMULATOR_SK: 'x' })).toThrow(
      'SIMULATOR_CREDENTIALS replaces SIMULATOR_SK: set one form only',
    );
    expect(() => loadLaunchConfig({ SIMULATOR_CREDENTIALS: '[{"ak":"a","sk":"sk-a-secret"' })).toThrow('SIMULATOR_CREDENTIALS is not valid JSON');
    expect(() => loadLaunchConfig({ SIMULATOR_CREDENTIALS: '[{"ak":"a","sk":"sk-a-secret","vdns":[0]}]' })).toThrow(
      'SIMULATOR_CREDENTIALS pair 1: vdns must be "*" or a list of VDN ids from 1 to 9999',
    );
  });

  it('names the variable that is wrong, never echoing the SK', () => {
    expect(() => loadLaunchConfig({ SIMULATOR_PORT: 'http' })).toThrow(/SIMULATOR_PORT/);
    expect(() => loadLaunchConfig({ SIMULATOR_GENERATED_SIZE: '-1' })).toThrow(/SIMULATOR_GENERATED_SIZE/);
    expect(() => loadLaunchConfig({ SIMULATOR_FAULTS: '{bad' })).toThrow(/SIMULATOR_FAULTS is not valid JSON/);
    expect(() => loadLaunchConfig({ SIMULATOR_FAULTS: '{"other":{"drop":true}}' })).toThrow(/unknown operation/);
    expect(() => loadLaunchConfig({ SIMULATOR_FAULTS: '{"appointList":{"drop":1}}' })).toThrow(/appointList: drop/);
    expect(() => loadLaunchConfig({ SIMULATOR_DROP_COUNT: 'maybe' })).toThrow(/SIMULATOR_DROP_COUNT/);
  });
});
