import { EnvReader, ConfigError } from './env-parser';
import { readTelemetryConfig } from './telemetry.config';

function read(env: Record<string, string>) {
  const reader = new EnvReader(env);
  const config = readTelemetryConfig(reader);
  reader.done();
  return config;
}

describe('readTelemetryConfig', () => {
  it('serves metrics on 9464 and traces nothing by default', () => {
    expect(read({})).toEqual({
      metrics: { enabled: true, port: 9464, host: '0.0.0.0' },
      tracing: {
        enabled: false,
        protocol: 'http/protobuf',
        serviceName: 'isales-gateway',
        sampler: 'parentbased_always_on',
        samplerRatio: 1,
        exportDelayMs: 5000,
      },
    });
  });

  it('traces once either OTLP endpoint is set, unless the SDK is disabled', () => {
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.enabled).toBe(true);
    expect(read({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }).tracing.enabled).toBe(true);
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).tracing.enabled).toBe(false);
  });

  it('takes the traces-specific protocol over the generic one, and the ratio of a ratio sampler', () => {
    const { tracing } = read({
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
      OTEL_SERVICE_NAME: 'gw-eu',
    });
    expect(tracing).toMatchObject({ protocol: 'http/json', sampler: 'parentbased_traceidratio', samplerRatio: 0.25, serviceName: 'gw-eu' });
  });

  it('names each bad value', () => {
    const problems = (env: Record<string, string>): string[] => {
      try {
        read(env);
      } catch (error) {
        return (error as ConfigError).problems.map((p) => p.split(':')[0]).sort();
      }
      return [];
    };
    expect(
      problems({ METRICS_PORT: '70000', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_TRACES_SAMPLER: 'sometimes', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }),
    ).toEqual(['METRICS_PORT', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_TRACES_SAMPLER']);
    expect(problems({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '2', METRICS_ENABLED: 'maybe' })).toEqual([
      'METRICS_ENABLED',
      'OTEL_TRACES_SAMPLER_ARG',
    ]);
  });
});
