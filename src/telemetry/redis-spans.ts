import { tracingChannel } from 'node:diagnostics_channel';
import { context, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';

/** What ioredis (>= 6) publishes on its `ioredis:command` tracing channel for each command. */
interface CommandContext {
  command: string;
  database: number;
  serverAddress?: string;
  serverPort?: number;
  error?: unknown;
  [SPAN]?: Span;
}

const SPAN = Symbol('span');

/**
 * A client span per Redis command, from ioredis' own diagnostics channel, so no module patching is
 * needed. Only commands issued inside a trace get one: health pings and reconnects stay out.
 * Arguments are never recorded (keys name a VDN, values are whole trees).
 */
export function traceRedisCommands(tracer: Tracer): void {
  tracingChannel<unknown, CommandContext>('ioredis:command').subscribe({
    start(message) {
      const parent = context.active();
      if (!trace.getSpan(parent)) return;
      const operation = message.command.toUpperCase();
      message[SPAN] = tracer.startSpan(
        operation,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'db.system.name': 'redis',
            'db.operation.name': operation,
            'db.namespace': String(message.database),
            ...(message.serverAddress && { 'server.address': message.serverAddress }),
            ...(message.serverPort && { 'server.port': message.serverPort }),
          },
        },
        parent,
      );
    },
    end() {},
    asyncStart() {},
    error(message) {
      const span = message[SPAN];
      if (!span) return;
      const reason = message.error instanceof Error ? message.error.message : String(message.error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
    },
    asyncEnd(message) {
      message[SPAN]?.end();
    },
  });
}
