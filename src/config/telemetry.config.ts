import { EnvReader } from './env-parser';

export interface MetricsConfig {
  enabled: boolean;
  /** The Prometheus listener's own port, never the API's (0: any free port, for tests). */
  port: number;
  host: string;
}

export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number];

export const TRACE_SAMPLERS = [
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
  'always_on',
  'always_off',
  'traceidratio',
] as const;
export type TraceSampler = (typeof TRACE_SAMPLERS)[number];

/**
 * OpenTelemetry's standard variables (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/).
 * The exporter itself reads the endpoint, headers, timeout and compression variables; they are
 * read here too so that a bad value stops the start and deployment files are checked against them.
 */
export interface TracingConfig {
  /** False when no OTLP endpoint is set (or OTEL_SDK_DISABLED): then no SDK is loaded at all. */
  enabled: boolean;
  protocol: OtlpProtocol;
  serviceName: string;
  sampler: TraceSampler;
  /** The ratio of the *traceidratio samplers, 0..1. */
  samplerRatio: number;
  /** How long finished spans wait to be exported together (OTEL_BSP_SCHEDULE_DELAY). */
  exportDelayMs: number;
}

export interface TelemetryConfig {
  metrics: MetricsConfig;
  tracing: TracingConfig;
}

export function readMetricsConfig(env: EnvReader): MetricsConfig {
  return {
    enabled: env.boolean('METRICS_ENABLED', true),
    port: env.integer('METRICS_PORT', 9464, 0, 65535),
    host: env.string('METRICS_HOST', '0.0.0.0'),
  };
}

function readRatio(env: EnvReader, sampler: TraceSampler): number {
  const raw = env.optionalString('OTEL_TRACES_SAMPLER_ARG');
  if (raw === undefined || !sampler.endsWith('traceidratio')) return 1;
  const ratio = Number(raw);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    env.problem('OTEL_TRACES_SAMPLER_ARG', 'must be a number between 0 and 1');
    return 1;
  }
  return ratio;
}

export function readTracingConfig(env: EnvReader): TracingConfig {
  const endpoint = env.url('OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']);
  const tracesEndpoint = env.url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', ['http:', 'https:']);
  const generic = env.oneOf('OTEL_EXPORTER_OTLP_PROTOCOL', 'http/protobuf', OTLP_PROTOCOLS);
  const protocol = env.oneOf('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', generic, OTLP_PROTOCOLS);
  // Read by the exporter itself (headers may hold a collector's token: never logged).
  env.optionalString('OTEL_EXPORTER_OTLP_HEADERS');
  env.optionalString('OTEL_EXPORTER_OTLP_TRACES_HEADERS');
  env.optionalString('OTEL_RESOURCE_ATTRIBUTES');
  const disabled = env.boolean('OTEL_SDK_DISABLED', false);
  const sampler = env.oneOf('OTEL_TRACES_SAMPLER', 'parentbased_always_on', TRACE_SAMPLERS);
  return {
    enabled: !disabled && (endpoint !== undefined || tracesEndpoint !== undefined),
    protocol,
    serviceName: env.string('OTEL_SERVICE_NAME', 'isales-gateway'),
    sampler,
    samplerRatio: readRatio(env, sampler),
    exportDelayMs: env.integer('OTEL_BSP_SCHEDULE_DELAY', 5000, 1, 600000),
  };
}

export function readTelemetryConfig(env: EnvReader): TelemetryConfig {
  return { metrics: readMetricsConfig(env), tracing: readTracingConfig(env) };
}
