import { eventually } from './support/eventually';
import { once } from 'node:events';
import { connect, Socket } from 'node:net';
import { Simulator } from '../simulator/simulator';
import { DEFAULT_MAX_CONNECTIONS } from '../src/config/edge.config';
import { PROBES_PER_SECOND } from '../src/edge/probe-budget';
import { Gateway, startGateway, startSimulator } from './support/harness';
import { rawRequest } from './support/raw-http';

/** A connection of our own: what it received, and whether the server closed it. */
class Connection {
  received = '';
  closed = false;
  readonly ended: Promise<unknown>;

  private constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (this.received += chunk));
    socket.on('error', () => undefined);
    this.ended = once(socket, 'close').then(() => (this.closed = true));
  }

  static async open(baseUrl: string, head = ''): Promise<Connection> {
    const { hostname, port } = new URL(baseUrl);
    const socket = connect(Number(port), hostname);
    await once(socket, 'connect');
    const connection = new Connection(socket);
    if (head) socket.write(head);
    return connection;
  }

  /** Resolves when `done()` holds or the connection closed, or after `limitMs`. */
  async until(done: () => boolean, limitMs: number): Promise<boolean> {
    await eventually('an answer or a close', () => done() || this.closed, limitMs, 10).catch(() => undefined);
    return done();
  }
}

const ANSWERED = 'HTTP/1.1 404';

/** docs/design.md section 14 and issue 27: what the edge keeps open, and that every answer is a problem. */
describe('the edge bounds its connections and probes by default (gateway + simulator over HTTP)', () => {
  let simulator: Simulator;
  let gateway: Gateway;

  beforeAll(async () => {
    simulator = await startSimulator();
    gateway = await startGateway(simulator.url);
  });
  afterAll(async () => {
    await gateway?.close();
    await simulator?.close();
  });

  it(`closes a connection beyond the default HTTP_MAX_CONNECTIONS (${DEFAULT_MAX_CONNECTIONS}) unanswered`, async () => {
    const held: Connection[] = [];
    try {
      // Each held connection has been answered once, so the server has surely counted it.
      for (let i = 0; i < DEFAULT_MAX_CONNECTIONS; i += 64) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(64, DEFAULT_MAX_CONNECTIONS - i) }, () => Connection.open(gateway.url, 'GET /unknown HTTP/1.1\r\nHost: x\r\n\r\n')),
        );
        for (const connection of batch) expect(await connection.until(() => connection.received.startsWith(ANSWERED), 10_000)).toBe(true);
        held.push(...batch);
      }
      const beyond = await Connection.open(gateway.url, 'GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n');
      await beyond.ended;
      expect(beyond.closed).toBe(true);
      expect(beyond.received).toBe('');
    } finally {
      for (const connection of held) connection.socket.destroy();
      await Promise.all(held.map((connection) => connection.ended));
      // The server counts a connection until it has seen it close: ask until it serves again.
      const serves = () =>
        fetch(`${gateway.url}/unknown`, { headers: { connection: 'close' } }).then(
          (response) => response.status === 404,
          () => false,
        );
      await eventually('the gateway to serve again', serves, 5000).catch(() => undefined);
    }
  }, 60_000);

  it('answers a request without Host as a problem with a request id; HTTP/1.0 needs none', async () => {
    for (const path of ['/health/live', '/api/v1/vdns/1/file-servers']) {
      const response = await rawRequest(gateway.url, `GET ${path} HTTP/1.1\r\n\r\n`);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(response.body) as { status: number; detail: string; requestId: string };
      expect(problem).toMatchObject({ status: 400, detail: 'An HTTP/1.1 request needs a Host header.' });
      expect(response.headers['x-request-id']).toBe(problem.requestId);
    }
    expect((await rawRequest(gateway.url, 'GET /health/live HTTP/1.0\r\n\r\n')).status).toBe(200);
    expect(simulator.requests).toHaveLength(0);
  });

  it.each([
    ['an Expect other than 100-continue', 'GET /health/live HTTP/1.1\r\nHost: x\r\nExpect: foo\r\n\r\n', 417],
    ['CONNECT', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 405],
  ])('answers %s (which Node answers by itself) as a problem with a request id', async (_case, request, status) => {
    const response = await rawRequest(gateway.url, request);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(response.body)).toMatchObject({ status, requestId: response.headers['x-request-id'] });
  });

  it.each([
    ['a bad request line', 'GARBAGE\r\n\r\n'],
    ['a bad HTTP version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n'],
    ['a space in the path', 'GET /a b HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost: x\r\nbroken\r\n\r\n'],
    ['two Content-Length', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'],
  ])('answers %s as a problem with a request id', async (_case, request) => {
    const response = await rawRequest(gateway.url, request);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['x-request-id']).toBe((JSON.parse(response.body) as { requestId: string }).requestId);
  });

  it(`answers at most ${PROBES_PER_SECOND} probes a second from one address, the rest a 429 problem`, async () => {
    const statuses = await Promise.all(
      Array.from({ length: PROBES_PER_SECOND * 4 }, () =>
        fetch(`${gateway.url}/health/live`).then(async (response) => {
          if (response.status === 429) expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          await response.arrayBuffer();
          return response.status;
        }),
      ),
    );
    // However the burst falls across second boundaries, four seconds' worth is never all answered.
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
  });
});

describe('idle connections are closed by the server (short timeouts)', () => {
  let simulator: Simulator;
  let gateway: Gateway;

  beforeAll(async () => {
    simulator = await startSimulator();
    gateway = await startGateway(simulator.url, { HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000' });
  });
  afterAll(async () => {
    await gateway?.close();
    await simulator?.close();
  });

  it('closes a connection that never sends a request, and one idle after its answer', async () => {
    const silent = await Connection.open(gateway.url);
    const answered = await Connection.open(gateway.url, 'GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n');
    try {
      await Promise.all([silent.ended, answered.ended]);
      expect(silent.closed).toBe(true);
      expect(answered.closed).toBe(true);
      expect(answered.received).toMatch(/^HTTP\/1.1 200/);
    } finally {
      silent.socket.destroy();
      answered.socket.destroy();
    }
  });
});
