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

  it('names the variable that is wrong, never echoing the SK', () => {
    expect(() => loadLaunchConfig({ SIMULATOR_PORT: 'http' })).toThrow(/SIMULATOR_PORT/);
    expect(() => loadLaunchConfig({ SIMULATOR_GENERATED_SIZE: '-1' })).toThrow(/SIMULATOR_GENERATED_SIZE/);
    expect(() => loadLaunchConfig({ SIMULATOR_FAULTS: '{bad' })).toThrow(/SIMULATOR_FAULTS is not valid JSON/);
    expect(() => loadLaunchConfig({ SIMULATOR_FAULTS: '{"other":{"drop":true}}' })).toThrow(/unknown operation/);
    expect(() => loadLaunchConfig({ SIMULATOR_FAULTS: '{"appointList":{"drop":1}}' })).toThrow(/appointList: drop/);
    expect(() => loadLaunchConfig({ SIMULATOR_DROP_COUNT: 'maybe' })).toThrow(/SIMULATOR_DROP_COUNT/);
  });
});
