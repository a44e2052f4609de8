/** Access control in the deployment files: the chart's Secret and mount, its settings, compose's demo key. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKeyHash } from '../../src/auth/api-key.verifier';
import { assertAccessControlConfigured } from '../../src/config/auth.config';
import { loadConfig } from '../../src/config/configuration';
import { composeFile, interpolate, serviceEnv } from './compose';
import { findManifest, Manifest, renderChart, REQUIRED_VALUES } from './helm-chart';

type Any = any;

const KEYS = [{ id: 'crm', sha256: apiKeyHash('crm-key'), vdns: [1, 2], scopes: ['isales:read'] }];
const noJwt = { jwt: { jwksUrl: '' } };

function render(auth: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const { manifests } = renderChart({ ...REQUIRED_VALUES, ...extra, auth: { ...REQUIRED_VALUES.auth, ...auth } });
  const deployment = findManifest(manifests, 'Deployment') as Any;
  const pod = deployment.spec.template.spec;
  return { manifests, pod, container: pod.containers[0], config: (findManifest(manifests, 'ConfigMap') as Any).data as Record<string, string> };
}

const secrets = (manifests: Manifest[]) => manifests.filter((m) => m.kind === 'Secret') as Any[];

describe('access control in the Helm chart', () => {
  it('puts the JWT settings into the ConfigMap, making a configuration the gateway starts with', () => {
    const { config } = render({});
    expect(config).toMatchObject({
      AUTH_JWKS_URL: 'https://idp.example.com/certs',
      AUTH_ISSUER: 'https://idp.example.com',
      AUTH_AUDIENCE: 'isales-gateway',
      AUTH_CLOCK_TOLERANCE_S: '30',
      AUTH_VDN_CLAIM: 'vdns',
      AUTH_DISABLED: 'false',
      DOCS_ENABLED: 'true',
    });
    expect(config.AUTH_API_KEYS_FILE).toBeUndefined();
    expect(() => assertAccessControlConfigured(loadConfig({ ...config, ISALES_AK: 'a', ISALES_SK: 's' }).auth)).not.toThrow();
  });

  it('stores API keys in a Secret mounted as the file AUTH_API_KEYS_FILE names, and rolls pods when they change', () => {
    const { manifests, pod, container, config } = render({ ...noJwt, apiKeys: KEYS });
    const secret = secrets(manifests).find((s) => s.metadata.name === 'gw-isales-gateway-api-keys');
    const document = Buffer.from(secret.data['api-keys.json'], 'base64').toString();
    expect(config.AUTH_API_KEYS_FILE).toBe('/etc/isales-gateway/auth/api-keys.json');
    expect(container.volumeMounts).toContainEqual({ name: 'api-keys', mountPath: '/etc/isales-gateway/auth', readOnly: true });
    expect(pod.volumes).toContainEqual({
      name: 'api-keys',
      secret: { secretName: 'gw-isales-gateway-api-keys', items: [{ key: 'api-keys.json', path: 'api-keys.json' }] },
    });
    expect((findManifest(manifests, 'Deployment') as Any).spec.template.metadata.annotations['checksum/api-keys']).toMatch(/^[0-9a-f]{64}$/);

    // The mounted file, as the pod would read it, is a keys document the gateway accepts.
    const file = join(mkdtempSync(join(tmpdir(), 'chart-keys-')), 'api-keys.json');
    writeFileSync(file, document);
    const app = loadConfig({ ...config, AUTH_API_KEYS_FILE: file, ISALES_AK: 'a', ISALES_SK: 's' });
    expect(app.auth.apiKeys.map((k) => k.id)).toEqual(['crm']);
    expect(app.auth.jwt).toBeNull();
  });

  it('mounts an existing Secret instead, creating none', () => {
    const { manifests, pod, config } = render({ ...noJwt, existingSecret: 'gateway-api-keys', existingSecretKey: 'keys.json', apiKeys: KEYS });
    expect(secrets(manifests).map((s) => s.metadata.name)).toEqual(['gw-isales-gateway']);
    expect(config.AUTH_API_KEYS_FILE).toBe('/etc/isales-gateway/auth/keys.json');
    expect(pod.volumes).toContainEqual({ name: 'api-keys', secret: { secretName: 'gateway-api-keys', items: [{ key: 'keys.json', path: 'keys.json' }] } });
  });

  it('refuses to render with no way to authenticate, unless auth.disabled', () => {
    expect(() => render(noJwt)).toThrow(/auth.jwt.jwksUrl, auth.apiKeys or auth.existingSecret/);
    expect(() => render({ jwt: { jwksUrl: 'https://idp/certs', issuer: '' } })).toThrow(/auth.jwt.issuer is required/);
    expect(render({ ...noJwt, disabled: true }).config.AUTH_DISABLED).toBe('true');
  });

  it('sets the rate limit and CORS origins only when given', () => {
    expect(render({}).config.RATE_LIMIT_MAX).toBeUndefined();
    expect(render({}).config.CORS_ORIGINS).toBeUndefined();
    const { config } = render(
      {},
      { edge: { rateLimitMax: 300, rateLimitWindowSeconds: 10, corsOrigins: ['https://a.example', 'https://b.example'], docsEnabled: false } },
    );
    expect(config).toMatchObject({
      RATE_LIMIT_MAX: '300',
      RATE_LIMIT_WINDOW_S: '10',
      CORS_ORIGINS: 'https://a.example,https://b.example',
      DOCS_ENABLED: 'false',
    });
    expect(loadConfig({ ...config, ISALES_AK: 'a', ISALES_SK: 's' }).edge).toEqual({
      rateLimit: { max: 300, windowS: 10 },
      corsOrigins: ['https://a.example', 'https://b.example'],
      docsEnabled: false,
      trustProxy: { kind: 'off' },
      server: { requestTimeoutMs: 30000, headersTimeoutMs: 10000, keepAliveTimeoutMs: 72000, maxConnections: 1024, bodyLimitBytes: 65536 },
    });
  });

  it('trusts the ingress as one proxy hop when the chart creates it, and what edge.trustProxy says otherwise', () => {
    const ingress = { enabled: true, hosts: [{ host: 'gateway.example.com' }] };
    expect(render({}).config.TRUST_PROXY).toBe('off');
    expect(render({}, { ingress }).config.TRUST_PROXY).toBe('1');
    expect(render({}, { ingress, edge: { trustProxy: '10.0.0.0/8' } }).config.TRUST_PROXY).toBe('10.0.0.0/8');
    expect(render({}, { edge: { trustProxy: 2 } }).config.TRUST_PROXY).toBe('2');
    const { config } = render({}, { ingress, edge: { requestTimeoutMs: 5000, headersTimeoutMs: 4000, bodyLimitBytes: 16384 } });
    expect(loadConfig({ ...config, ISALES_AK: 'a', ISALES_SK: 's' }).edge).toMatchObject({
      trustProxy: { kind: 'hops', hops: 1 },
      server: { requestTimeoutMs: 5000, headersTimeoutMs: 4000, bodyLimitBytes: 16384 },
    });
  });
});

describe('access control in docker-compose.yml', () => {
  it('configures the demo API key by its hash, so the stack starts and the README\u2019s curl works', () => {
    const env = Object.fromEntries(Object.entries(serviceEnv(composeFile().services.gateway)).map(([k, v]) => [k, interpolate(v)]));
    const config = loadConfig(env);
    expect(() => assertAccessControlConfigured(config.auth)).not.toThrow();
    expect(config.auth.apiKeys).toEqual([expect.objectContaining({ id: 'demo', sha256: apiKeyHash('isales-demo-key'), vdns: '*' })]);
  });
});
