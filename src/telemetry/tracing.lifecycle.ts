import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { shutdownTracing } from './tracer';

/** Spans still queued for export go out before the process exits (a no-op with tracing off). */
@Injectable()
export class TracingLifecycle implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return shutdownTracing();
  }
}
