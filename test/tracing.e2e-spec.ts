import { eventually } from './support/eventually';
import { randomBytes } from 'node:crypto';
import { GatewayProcess, PROCESS_TEST_TIMEOUT_MS, startGatewayProcess } from './support/gateway-process';
import { TEST_AK, TEST_SK, useSimulator } from './support/harness';
import { OtlpReceiver, ReceivedSpan } from './support/otlp-receiver';

const SERVER = 2;
const CLIENT = 3;

// The OpenTelemetry SDK is process-global, so the gateway runs as its own process, exporting to a
// receiver of the test's own over OTLP/HTTP with the JSON protocol.
describe('traces', () => {
  const backends = useSimulator({ redis: true });
  let receiver: OtlpReceiver;
  let gateway: GatewayProcess;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    gateway = await startGatewayProcess({
      ISALES_BASE_URL: backends.simulator.url,
      ISALES_AK: TEST_AK,
      ISALES_SK: TEST_SK,
      REDIS_URL: backends.redis.url,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  }, PROCESS_TEST_TIMEOUT_MS);

  afterAll(async () => {
    if (gateway && gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    await receiver?.close();
  });

  it('continues the caller\u2019s traceparent through the server span, each iSales attempt and Redis, and logs the trace id', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const response = await gateway.request('/api/v1/vdns/1/business-results', {
      headers: { traceparent: `00-${traceId}-${callerSpanId}-01`, 'x-request-id': 'trace-e2e-1' },
    });
    expect(response.status).toBe(200);

    const isServer = (s: ReceivedSpan) => s.kind === SERVER;
    const spans = await receiver.trace(traceId, (all) => all.some(isServer));
    const server = spans.find(isServer)!;
    expect(server).toMatchObject({
      service: 'isales-gateway',
      name: 'GET /api/v1/vdns/:vdnId/business-results',
      parentSpanId: callerSpanId,
      attributes: { 'http.route': '/api/v1/vdns/:vdnId/business-results', 'http.response.status_code': 200 },
    });

    const isales = spans.filter((s) => s.name === 'iSales queryBusinessResults');
    expect(isales.length).toBeGreaterThan(0);
    const received = backends.simulator.requests.filter((r) => r.operation === 'queryBusinessResults').map((r) => r.headers.traceparent);
    expect(received).toHaveLength(isales.length);
    for (const span of isales) {
      expect(span).toMatchObject({
        kind: CLIENT,
        parentSpanId: server.spanId,
        attributes: { 'isales.vdn_id': 1, 'isales.result_code': '0200000', 'http.response.status_code': 200 },
      });
      expect(received).toContain(`00-${traceId}-${span.spanId}-01`);
    }

    const redisSpans = spans.filter((s) => s.attributes['db.system.name'] === 'redis');
    expect(redisSpans.map((s) => s.name)).toEqual(expect.arrayContaining(['HMGET']));
    for (const span of redisSpans) expect(span).toMatchObject({ kind: CLIENT, parentSpanId: server.spanId });

    // The log is written asynchronously (a buffered destination): wait for the line.
    const requestLine = () =>
      gateway
        .stdout()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'request completed' && l.requestId === 'trace-e2e-1');
    await eventually('the request\u2019s log line', () => requestLine() !== undefined, 5000).catch(() => undefined);
    const line = requestLine();
    expect(line).toMatchObject({
      traceId,
      route: '/api/v1/vdns/:vdnId/business-results',
      upstream: [{ operation: 'queryBusinessResults', outcome: 'success', code: '0200000' }],
    });
    expect(receiver.contentTypes).toContain('application/json');
  });

  it(
    'exports over OTLP/HTTP protobuf by default',
    async () => {
      const protobuf = await OtlpReceiver.start();
      const other = await startGatewayProcess({
        ISALES_BASE_URL: backends.simulator.url,
        ISALES_AK: TEST_AK,
        ISALES_SK: TEST_SK,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${protobuf.url}/v1/traces`,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      });
      try {
        expect((await other.request('/api/v1/vdns/1/file-servers')).status).toBe(200);
        await eventually('an export', () => protobuf.contentTypes.length > 0, 10000).catch(() => undefined);
        expect(protobuf.contentTypes).toContain('application/x-protobuf');
      } finally {
        other.child.kill('SIGKILL');
        await protobuf.close();
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it('starts a new trace for a caller without one, and still answers', async () => {
    const response = await gateway.request('/api/v1/vdns/1/file-servers/1', { headers: { 'x-request-id': 'trace-e2e-2' } });
    expect(response.status).toBeLessThan(500);
    const serverSpan = () => receiver.spans.find((s) => s.kind === SERVER && s.attributes['request.id'] === 'trace-e2e-2');
    await eventually('the server span', () => serverSpan() !== undefined, 10000).catch(() => undefined);
    const server = serverSpan();
    expect(server).toMatchObject({ name: 'GET /api/v1/vdns/:vdnId/file-servers/:serverId' });
    expect(server!.parentSpanId ?? '').toBe('');
  });
});
