import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  Sampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { TracingConfig } from '../config/telemetry.config';
import { traceRedisCommands } from './redis-spans';
import { useTracer } from './tracer';

function samplerOf(config: TracingConfig): Sampler {
  const root = config.sampler.endsWith('always_off')
    ? new AlwaysOffSampler()
    : config.sampler.endsWith('traceidratio')
      ? new TraceIdRatioBasedSampler(config.samplerRatio)
      : new AlwaysOnSampler();
  return config.sampler.startsWith('parentbased_') ? new ParentBasedSampler({ root }) : root;
}

/**
 * The OpenTelemetry SDK, configured from the standard OTEL_* variables: OTLP over HTTP (protobuf
 * or JSON; the exporter reads the endpoint, headers and timeout itself), W3C trace context in and
 * out, the resource named by OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
 */
export function startTracing(config: TracingConfig): void {
  const exporter = config.protocol === 'http/json' ? new JsonExporter() : new ProtobufExporter();
  const provider = new TracerProvider({
    resource: defaultResource()
      .merge(resourceFromAttributes({ 'service.name': config.serviceName }))
      .merge(detectResources({ detectors: [envDetector] })),
    sampler: samplerOf(config),
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: config.exportDelayMs })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));
  trace.setGlobalTracerProvider(provider);
  const tracer = provider.getTracer('isales-gateway');
  traceRedisCommands(tracer);
  useTracer(tracer, () => provider.shutdown());
}
