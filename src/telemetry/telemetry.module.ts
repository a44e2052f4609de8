import { Global, Module } from '@nestjs/common';
import { MetricsServer } from './metrics.server';
import { TracingLifecycle } from './tracing.lifecycle';

@Global()
@Module({
  providers: [MetricsServer, TracingLifecycle],
  exports: [MetricsServer],
})
export class TelemetryModule {}
