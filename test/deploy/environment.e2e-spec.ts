/**
 * The deployment files only set environment variables the gateway reads, and what they set is a
 * configuration the gateway accepts (loadConfig does not throw on it).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptedEnvironmentVariables, loadConfig } from '../../src/config/configuration';
import { composeFile, interpolate, serviceEnv } from './compose';
import { Manifest, renderChart, REQUIRED_VALUES, ROOT, TEMPLATES_DIR } from './helm-chart';

type Any = any;

const accepted = new Set(acceptedEnvironmentVariables());
const CREDENTIALS_DOCUMENT = '[{"ak":"ak-tenant-1","sk":"sk-tenant-1","vdns":[1]},{"ak":"ak-others","sk":"sk-others","vdns":"*"}]';
const notAccepted = (names: Iterable<string>): string[] => [...names].filter((n) => !accepted.has(n));

/** Value sets covering every branch of the chart that adds an environment variable. */
const VARIANTS: Record<string, Record<string, unknown>> = {
  defaults: REQUIRED_VALUES,
  standalone: { ...REQUIRED_VALUES, redis: { mode: 'standalone', url: 'redis://redis:6379/0', existingSecret: 'redis-auth' } },
  sentinel: {
    ...REQUIRED_VALUES,
    redis: { mode: 'sentinel', sentinels: ['s1:26379', 's2:26379'], existingSecret: 'redis-auth', existingSecretSentinelPasswordKey: 'sentinel-password' },
  },
  cluster: { ...REQUIRED_VALUES, redis: { mode: 'cluster', clusterNodes: ['n1:6379', 'n2:6379', 'n3:6379'], existingSecret: 'redis-auth', tls: true } },
  tlsCa: { ...REQUIRED_VALUES, isales: { ...REQUIRED_VALUES.isales, tlsCa: { existingConfigMap: 'corp-ca' }, tlsRejectUnauthorized: false } },
  credentialsSecret: { ...REQUIRED_VALUES, isales: { ...REQUIRED_VALUES.isales, credentials: { existingSecret: 'isales-tenants' } } },
  credentialsDocument: { ...REQUIRED_VALUES, isales: { ...REQUIRED_VALUES.isales, ak: '', sk: '', credentials: { document: CREDENTIALS_DOCUMENT } } },
  resilience: { ...REQUIRED_VALUES, resilience: { deadlineMs: 25000, maxRps: 50 } },
  callResults: {
    ...REQUIRED_VALUES,
    callResults: { callback: { enabled: true, tokens: [{ token: 'a'.repeat(64), vdns: [1] }], sources: ['10.20.0.0/16'] } },
  },
  telemetry: {
    ...REQUIRED_VALUES,
    metrics: { enabled: false, port: 9100 },
    tracing: { otlpEndpoint: 'http://otel-collector:4318', protocol: 'http/json', sampler: 'parentbased_traceidratio', samplerArg: '0.1' },
  },
  timeZones: { ...REQUIRED_VALUES, isales: { ...REQUIRED_VALUES.isales, timeZone: '+08:00', timeZones: { '1': 'Asia/Shanghai', '12': 'Europe/Paris' } } },
};

function rendered(variant: string): { config: Record<string, string>; container: Any; manifests: Manifest[] } {
  const { manifests } = renderChart(VARIANTS[variant]);
  const config = (manifests.find((m) => m.kind === 'ConfigMap') as Any).data as Record<string, string>;
  const container = (manifests.find((m) => m.kind === 'Deployment') as Any).spec.template.spec.containers[0];
  return { config, container, manifests };
}

/** What the pod's process would see: ConfigMap entries, then env (secret refs resolved to fakes). */
function podEnvironment(config: Record<string, string>, container: Any): Record<string, string> {
  const env: Record<string, string> = { ...config };
  for (const e of container.env ?? []) env[e.name] = e.value ?? `secret-${e.valueFrom.secretKeyRef.key}`;
  return env;
}

describe('environment variables of the deployment files', () => {
  it('acceptedEnvironmentVariables() is the list the files are checked against', () => {
    expect(accepted.size).toBeGreaterThan(10);
    for (const name of ['ISALES_BASE_URL', 'ISALES_AK', 'ISALES_SK', 'REDIS_URL', 'PORT']) expect(accepted).toContain(name);
  });

  describe('docker-compose.yml', () => {
    const gatewayEnv = serviceEnv(composeFile().services.gateway);

    it('the gateway service sets only variables the gateway reads (simulator variables are exempt)', () => {
      expect(Object.keys(gatewayEnv).length).toBeGreaterThan(0);
      expect(notAccepted(Object.keys(gatewayEnv))).toEqual([]);
    });

    it("the gateway service's environment, interpolated, is a valid configuration", () => {
      const env = Object.fromEntries(Object.entries(gatewayEnv).map(([k, v]) => [k, interpolate(v)]));
      const config = loadConfig(env);
      expect(config.isales.baseUrl.toString()).toBe('http://simulator:18080/');
      expect(config.redis).toMatchObject({ mode: 'standalone' });
      expect(config.http.port).toBe(3000);
    });
  });

  describe('Dockerfile', () => {
    it('the runtime stage sets only NODE_ENV and variables the gateway reads', () => {
      const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
      const runtime = text.slice(text.lastIndexOf('\nFROM '));
      const names = [...runtime.matchAll(/^ENV\s+(.*)$/gm)].flatMap((m) => [...m[1].matchAll(/(\w+)=/g)].map((x) => x[1]));
      expect(names).toContain('NODE_ENV');
      expect(notAccepted(names.filter((n) => n !== 'NODE_ENV'))).toEqual([]);
    });
  });

  describe('Helm chart', () => {
    it('configmap.yaml (as written) only has keys the gateway reads', () => {
      const text = readFileSync(join(TEMPLATES_DIR, 'configmap.yaml'), 'utf8');
      const data = text.slice(text.indexOf('\ndata:'));
      const keys = [...data.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]);
      expect(keys.length).toBeGreaterThan(10);
      expect(notAccepted(keys)).toEqual([]);
    });

    it('deployment.yaml (as written) only names env variables the gateway reads', () => {
      const text = readFileSync(join(TEMPLATES_DIR, 'deployment.yaml'), 'utf8');
      const names = [...text.matchAll(/^\s*- name: ([A-Z][A-Z0-9_]*)\s*$/gm)].map((m) => m[1]);
      expect(names).toEqual(expect.arrayContaining(['ISALES_AK', 'ISALES_SK', 'REDIS_PASSWORD']));
      expect(notAccepted(names)).toEqual([]);
    });

    it.each(Object.keys(VARIANTS))('rendered (%s): the ConfigMap and env only set variables the gateway reads', (variant) => {
      const { config, container } = rendered(variant);
      expect(notAccepted(Object.keys(config))).toEqual([]);
      expect(notAccepted((container.env ?? []).map((e: { name: string }) => e.name))).toEqual([]);
      // at most one way to reach Redis
      expect(['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'].filter((k) => k in config).length).toBeLessThanOrEqual(1);
      // nothing set twice (the ConfigMap and env would shadow each other)
      const envNames = (container.env ?? []).map((e: { name: string }) => e.name);
      expect(envNames.filter((n: string) => n in config)).toEqual([]);
    });

    it('renders a name for ISALES_BASE_URL (ConfigMap), ISALES_AK and ISALES_SK (Secret refs)', () => {
      const { config, container } = rendered('defaults');
      expect(config.ISALES_BASE_URL).toBeTruthy();
      for (const name of ['ISALES_AK', 'ISALES_SK']) {
        const e = container.env.find((x: { name: string }) => x.name === name);
        expect(e.valueFrom.secretKeyRef.name).toBeTruthy();
        expect(e.valueFrom.secretKeyRef.key).toBeTruthy();
      }
    });

    it("rendered (credentialsDocument): the pod environment, with the Secret's file where it is mounted, is a valid configuration", () => {
      const { config, container, manifests } = rendered('credentialsDocument');
      const mount = container.volumeMounts.find((m: Any) => m.name === 'isales-credentials');
      const item = (manifests.find((m) => m.kind === 'Deployment') as Any).spec.template.spec.volumes.find((v: Any) => v.name === 'isales-credentials').secret
        .items[0];
      expect(config.ISALES_CREDENTIALS_FILE).toBe(`${mount.mountPath}/${item.path}`);
      const secret = manifests.find((m) => m.kind === 'Secret') as Any;
      // The mount, reproduced in a temporary directory.
      const file = join(mkdtempSync(join(tmpdir(), 'mounted-')), item.path);
      writeFileSync(file, Buffer.from(secret.data[item.key], 'base64'));
      const app = loadConfig({ ...podEnvironment(config, container), ISALES_CREDENTIALS_FILE: file });
      expect(app.isales.credentials.source).toBe('ISALES_CREDENTIALS_FILE');
      expect(app.isales.credentials.table.byVdn.get(1)?.ak).toBe('ak-tenant-1');
      expect(app.isales.credentials.table.fallback?.ak).toBe('ak-others');
    });

    it.each(['defaults', 'standalone', 'sentinel', 'cluster'])('rendered (%s): the pod environment is a valid configuration', (variant) => {
      const { config, container } = rendered(variant);
      const app = loadConfig(podEnvironment(config, container));
      expect(app.http.port).toBe(3000);
      expect(app.http.shutdownGraceMs).toBe(20000);
      expect(app.isales.credentials.table.fallback?.ak).toBe('secret-isales-ak');
      expect(app.redis?.mode ?? 'none').toBe(variant === 'defaults' ? 'none' : variant);
      if (app.redis?.mode === 'sentinel') expect(app.redis.sentinelPassword).toBe('secret-sentinel-password');
      if (app.redis && app.redis.mode !== 'standalone') expect(app.redis.password).toBe('secret-redis-password');
    });

    it('rendered (defaults, resilience): the resilience values reach the configuration, the optional ones only when set', () => {
      const defaults = loadConfig(podEnvironment(rendered('defaults').config, rendered('defaults').container)).resilience;
      expect(defaults).toEqual(loadConfig({ ISALES_BASE_URL: 'http://x', ISALES_AK: 'a', ISALES_SK: 's' }).resilience);
      const { config, container } = rendered('resilience');
      expect(loadConfig(podEnvironment(config, container)).resilience).toMatchObject({ deadlineMs: 25000, maxRps: 50, retries: 2 });
    });
  });
});
