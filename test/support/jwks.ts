import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, JWK, JWTPayload, SignJWT } from 'jose';
import { Stack, startStack } from './harness';

export const TEST_ISSUER = 'https://idp.test/realms/contact-centre';
export const TEST_AUDIENCE = 'isales-gateway';

export interface SigningKey {
  kid: string;
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  publicJwk: JWK;
  /** The public key as PEM text: what an attacker would use as an HS256 "secret". */
  publicPem: string;
}

export async function makeSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }, publicPem: await exportSPKI(publicKey) };
}

/**
 * An identity provider's JWKS endpoint, served by the test: the keys it publishes can change
 * (rotation), and it counts how often the gateway fetched them.
 */
export class TestIssuer {
  published: SigningKey[] = [];
  fetches = 0;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((_req, res) => {
      this.fetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: this.published.map((k) => k.publicJwk) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/protocol/openid-connect/certs`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The gateway's environment for this issuer. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { AUTH_JWKS_URL: this.url, AUTH_ISSUER: TEST_ISSUER, AUTH_AUDIENCE: TEST_AUDIENCE, ...extra };
  }
}

export interface TokenOptions {
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative is in the past. */
  expiresIn?: number;
  notBefore?: number;
}

/** A token as the issuer would sign it: sub, vdns and scope by default valid for everything. */
export async function signToken(key: SigningKey, claims: JWTPayload = {}, options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ sub: 'agent-desktop-user', vdns: '*', scope: 'openid isales:read isales:write isales:admin', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? TEST_ISSUER)
    .setAudience(options.audience ?? TEST_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 300));
  if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(key.privateKey);
}

export const bearer = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

/**
 * For a test file: an issuer publishing one key, and a gateway-and-simulator stack that trusts it
 * (with `env` on top). Call it inside `describe`; read the fields inside tests.
 */
export function useIssuerStack(env: Record<string, string>) {
  const context = { issuer: new TestIssuer(), key: undefined as unknown as SigningKey, stack: undefined as unknown as Stack };
  beforeAll(async () => {
    await context.issuer.start();
    context.key = await makeSigningKey('key-2026-01');
    context.issuer.published = [context.key];
    context.stack = await startStack({ env: context.issuer.env(env) });
  });
  afterAll(async () => {
    await context.stack?.close();
    await context.issuer.close();
  });
  return context;
}
