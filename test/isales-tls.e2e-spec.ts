import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, Server as TlsServer } from 'node:tls';
import { startGateway, useSimulator } from './support/harness';
import { selfSignedCertificate } from './support/tls-certificate';

/**
 * iSales is reached over HTTPS with a certificate of its own (lab servers: self-signed). A TLS
 * terminator in front of the real simulator stands in for that; the Host the gateway signs passes
 * through unchanged, so the simulator still verifies every signature.
 */
describe('iSales over TLS', () => {
  const backends = useSimulator();
  let dir: string;
  let terminator: TlsServer;
  let httpsUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-tls-'));
    const certificate = selfSignedCertificate(dir, 'ca.pem');
    const simulatorPort = Number(new URL(backends.simulator.url).port);
    terminator = createTlsServer({ key: certificate.key, cert: certificate.cert }, (tls) => {
      const plain = connect(simulatorPort, '127.0.0.1');
      tls.pipe(plain).pipe(tls);
      const close = () => {
        tls.destroy();
        plain.destroy();
      };
      tls.on('error', close);
      plain.on('error', close);
    });
    await new Promise<void>((resolve) => terminator.listen(0, '127.0.0.1', resolve));
    httpsUrl = `https://127.0.0.1:${(terminator.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => terminator?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  async function status(env: Record<string, string>): Promise<number> {
    const gateway = await startGateway(httpsUrl, env);
    try {
      return (await gateway.fetch('/api/v1/vdns/1/file-servers')).status;
    } finally {
      await gateway.close();
    }
  }

  it('trusts the certificate given in ISALES_TLS_CA_FILE', async () => {
    expect(await status({ ISALES_TLS_CA_FILE: join(dir, 'ca.pem') })).toBe(200);
  });

  it('refuses an unknown certificate by default (502)', async () => {
    expect(await status({})).toBe(502);
  });

  it('accepts it with ISALES_TLS_REJECT_UNAUTHORIZED=false', async () => {
    expect(await status({ ISALES_TLS_REJECT_UNAUTHORIZED: 'false' })).toBe(200);
  });
});
