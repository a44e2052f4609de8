import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { c2Headers } from '../simulator/signed-client';
import { loadConfig } from '../src/config/configuration';
import { TransportFailure, TransportRequest } from '../src/upstream/isales-transport';
import { UndiciTransport } from '../src/upstream/undici-transport';
import { startSimulator, TEST_AK, TEST_SK } from './support/harness';
import { freePort } from './support/redis-server';
import { selfSignedCertificate } from './support/tls-certificate';

// What the transport reports for each way a call can end: retries (docs/design.md section 9) depend on
// telling "never reached iSales" (refused) from "may have reached it" (connection) and the deadline.
describe('the undici transport', () => {
  const transports: UndiciTransport[] = [];
  const servers: Server[] = [];

  function transport(env: Record<string, string> = {}) {
    const config = loadConfig({ ISALES_BASE_URL: 'http://127.0.0.1:1', ISALES_AK: TEST_AK, ISALES_SK: TEST_SK, ...env });
    const created = new UndiciTransport(config.isales);
    transports.push(created);
    return created;
  }

  function request(url: string, timeoutMs = 2000): TransportRequest {
    const { origin, pathname, search } = new URL(url);
    return { method: 'POST', origin, path: pathname + search, headers: { 'content-type': 'application/json' }, body: '{"offset":0,"limit":1}', timeoutMs };
  }

  /** A TCP peer that reads the request and then does `onRequest` with the socket. */
  async function peer(onRequest: (socket: Socket) => void): Promise<string> {
    const server = createServer((socket) => socket.once('data', () => onRequest(socket)));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}/rest`;
  }

  async function failureOf(promise: Promise<unknown>): Promise<TransportFailure> {
    const error = await promise.then(
      () => new Error('expected a failure'),
      (e: unknown) => e,
    );
    if (!(error instanceof TransportFailure)) throw error;
    return error;
  }

  afterAll(async () => {
    await Promise.all(transports.map((t) => t.onModuleDestroy()));
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('returns the status, the exact body text and Retry-After', async () => {
    const simulator = await startSimulator();
    try {
      const path = '/rest/isales/v1/openapi/campaigns/1/file/queryServer';
      const body = '{"offset":0,"limit":1}';
      const headers = c2Headers(simulator.url, 'POST', path, body, { ak: TEST_AK, sk: TEST_SK });
      const ok = await transport().send({ method: 'POST', origin: new URL(simulator.url).origin, path, headers, body, timeoutMs: 2000 });
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.body)).toMatchObject({ resultCode: '0200000', count: 5 });

      const limited = await peer((socket) => socket.end('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Length: 2\r\n\r\n{}'));
      expect(await transport().send(request(limited))).toEqual({ status: 429, body: '{}', retryAfter: '7' });
    } finally {
      await simulator.close();
    }
  });

  it('reports a refused connection as refused', async () => {
    const failure = await failureOf(transport().send(request(`http://127.0.0.1:${await freePort()}/rest`)));
    expect(failure).toMatchObject({ kind: 'refused', reason: 'ECONNREFUSED' });
  });

  it('reports a connection dropped after the request was sent as connection', async () => {
    const url = await peer((socket) => socket.destroy());
    expect((await failureOf(transport().send(request(url)))).kind).toBe('connection');
  });

  it('reports no answer within the deadline as timeout', async () => {
    const url = await peer(() => undefined);
    const failure = await failureOf(transport().send(request(url, 200)));
    expect(failure).toMatchObject({ kind: 'timeout', reason: 'deadline exceeded' });
  });

  it('reports a certificate it does not trust as refused: the request never left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transport-tls-'));
    try {
      const certificate = selfSignedCertificate(dir, 'cert.pem');
      let received = 0;
      const tls = createTlsServer({ key: certificate.key, cert: certificate.cert }, (socket) => {
        socket.on('data', () => received++);
        socket.on('error', () => undefined);
      });
      servers.push(tls);
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      const url = `https://127.0.0.1:${(tls.address() as { port: number }).port}/rest`;
      const failure = await failureOf(transport().send(request(url)));
      expect(failure).toMatchObject({ kind: 'refused', reason: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(received).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
