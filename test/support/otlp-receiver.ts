import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from './eventually';

/** A span as an OTLP/HTTP JSON export carries it, flattened for assertions. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP SpanKind: 2 server, 3 client. */
  kind: number;
  attributes: Record<string, unknown>;
}

interface KeyValue {
  key: string;
  value: Record<string, unknown>;
}

function flatten(attributes: KeyValue[] = []): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]));
}

/**
 * A minimal OTLP/HTTP trace receiver (POST /v1/traces), as a collector would run it: JSON exports
 * are decoded into `spans`; of protobuf ones only the content type is kept.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly contentTypes: string[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<OtlpReceiver> {
    const server = createServer();
    const receiver = new OtlpReceiver(server);
    server.on('request', (request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const type = String(request.headers['content-type']);
        receiver.contentTypes.push(type);
        if (request.url === '/v1/traces' && type.startsWith('application/json')) receiver.add(body);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private add(body: string): void {
    const payload = JSON.parse(body) as {
      resourceSpans: Array<{
        resource: { attributes: KeyValue[] };
        scopeSpans: Array<{ spans: Array<Omit<ReceivedSpan, 'attributes' | 'service'> & { attributes: KeyValue[] }> }>;
      }>;
    };
    for (const { resource, scopeSpans } of payload.resourceSpans) {
      const service = String(flatten(resource.attributes)['service.name']);
      for (const { spans } of scopeSpans) {
        for (const span of spans) this.spans.push({ ...span, service, attributes: flatten(span.attributes) });
      }
    }
  }

  /** Spans of `traceId`, once `done` holds for them (or whatever came within `timeoutMs`). */
  async trace(traceId: string, done: (spans: ReceivedSpan[]) => boolean, timeoutMs = 10000): Promise<ReceivedSpan[]> {
    const spans = () => this.spans.filter((s) => s.traceId === traceId);
    await eventually(`the spans of ${traceId}`, () => done(spans()), timeoutMs).catch(() => undefined);
    return spans();
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
