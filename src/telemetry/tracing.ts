/**
 * The tracing bootstrap: main.ts imports it before anything else, so the tracer exists before the
 * first module that uses it loads. With neither OTEL_EXPORTER_OTLP_ENDPOINT nor
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT set it loads nothing of the OpenTelemetry SDK; a bad value is
 * left for the configuration check in main.ts, which names it and stops the process.
 */
import { EnvReader } from '../config/env-parser';
import { readTracingConfig } from '../config/telemetry.config';

const reader = new EnvReader(process.env);
const config = readTracingConfig(reader);
let valid = true;
try {
  reader.done();
} catch {
  valid = false;
}
if (valid && config.enabled) {
  // Loaded only now: with tracing off, none of the SDK's modules is ever required.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require, not an import: the SDK loads only when tracing is on.
  (require('./tracing-sdk') as typeof import('./tracing-sdk')).startTracing(config);
}
