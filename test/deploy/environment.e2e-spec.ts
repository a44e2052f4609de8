/**
 * The deployment files only set environment variables the gateway reads, and what they set is a
 * configuration the gateway accepts (loadConfig does not throw on it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acceptedEnvironmentVariables, loadConfig } from '../../src/config/configuration';
import { composeFile, interpolate, serviceEnv } from './compose';
import { Manifest, renderChart, REQUIRED_VALUES, ROOT, TEMPLATES_DIR } from './helm-chart';

type Any = any;

const accepted = new Set(acceptedEnvironmentVariables());
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
  tlsCa: { isales: { ...REQUIRED_VALUES.isales, tlsCa: { existingConfigMap: 'corp-ca' }, tlsRejectUnauthorized: false } },
  telemetry: {
    ...REQUIRED_VALUES,
    metrics: { enabled: false, port: 9100 },
    tracing: { otlpEndpoint: 'http://otel-collector:4318', protocol: 'http/json', sampler: 'parentbased_traceidratio', samplerArg: '0.1' },
  },
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

    it('the gateway service\'s environment, interpolated, is a valid configuration', () => {
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

    it.each(['defaults', 'standalone', 'sentinel', 'cluster'])('rendered (%s): the pod environment is a valid configuration', (variant) => {
      const { config, container } = rendered(variant);
      const app = loadConfig(podEnvironment(config, container));
      expect(app.http.port).toBe(3000);
      expect(app.http.shutdownGraceMs).toBe(20000);
      expect(app.isales.ak).toBe('secret-isales-ak');
      expect(app.redis?.mode ?? 'none').toBe(variant === 'defaults' ? 'none' : variant);
      if (app.redis?.mode === 'sentinel') expect(app.redis.sentinelPassword).toBe('secret-sentinel-password');
      if (app.redis && app.redis.mode !== 'standalone') expect(app.redis.password).toBe('secret-redis-password');
    });
  });
});
