/**
 * Every switch values.yaml offers, through Helm itself: `helm lint --strict` passes, `helm template`
 * renders, and each rendered object (the `helm test` hook included) is valid against Kubernetes'
 * schemas (kubernetes-models; the Prometheus Operator's for the ServiceMonitor). The refusals fail
 * `helm template` (so `helm install`) with a message naming what to set, and `helm lint` reports it.
 */
import { apiKeyHash } from '../../src/auth/api-key.verifier';
import { lintChart, lintOutput, Manifest, REQUIRED_VALUES, schemaFindings, SENTINEL_REDIS, templateChart } from './helm-chart';

const R = REQUIRED_VALUES;
const noJwt = { jwt: { jwksUrl: '' } };
const KEYS = [{ id: 'crm', sha256: apiKeyHash('crm-key'), vdns: [1, 2], scopes: ['isales:read'] }];

/** Value sets that between them turn on every option of values.yaml. */
const SCENARIOS: Record<string, Record<string, unknown>> = {
  'defaults (upstream, AK/SK, JWT)': R,
  'existing AK/SK Secret, private registry, tagged image': {
    ...R,
    isales: { baseUrl: R.isales.baseUrl, existingSecret: 'isales-credentials', existingSecretAkKey: 'AK', existingSecretSkKey: 'SK' },
    image: { repository: 'registry.example.com/isales-gateway', tag: '1.10', pullPolicy: 'Always' },
    imagePullSecrets: [{ name: 'regcred' }],
  },
  'credentials document from an existing Secret, extra CA, lab TLS': {
    ...R,
    isales: {
      ...R.isales,
      credentials: { existingSecret: 'isales-tenants', key: 'tenants.json' },
      tlsCa: { existingConfigMap: 'corp-ca', key: 'bundle.pem' },
      tlsRejectUnauthorized: false,
    },
  },
  'credentials document made by the chart': { ...R, isales: { ...R.isales, ak: '', sk: '', credentials: { document: '[{"ak":"a","sk":"s","vdns":"*"}]' } } },
  'redis standalone with a password': { ...R, redis: { mode: 'standalone', url: 'rediss://redis:6380/0', existingSecret: 'redis-auth' } },
  'redis sentinel, both passwords, TLS': { ...R, redis: SENTINEL_REDIS },
  'redis cluster': {
    ...R,
    redis: { mode: 'cluster', clusterNodes: ['n1:6379', 'n2:6379'], existingSecret: 'redis-auth', keyPrefix: 'gw:', commandTimeoutMs: 100 },
  },
  'API keys in a chart-made Secret, no JWT, rate limit, CORS, no docs': {
    ...R,
    auth: { ...noJwt, apiKeys: KEYS },
    edge: { rateLimitMax: 300, rateLimitWindowSeconds: 10, corsOrigins: ['https://crm.example.com'], docsEnabled: false },
  },
  'API keys from an existing Secret': { ...R, auth: { ...noJwt, existingSecret: 'gateway-api-keys', existingSecretKey: 'keys.json' } },
  'access control disabled': { ...R, auth: { ...noJwt, disabled: true } },
  'HPA on CPU and memory, PDB by minAvailable': {
    ...R,
    autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 7, targetMemoryUtilizationPercentage: 80 },
    podDisruptionBudget: { minAvailable: '50%' },
  },
  'Ingress with TLS, class and annotations; NodePort Service': {
    ...R,
    ingress: {
      enabled: true,
      className: 'nginx',
      annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '1m' },
      hosts: [{ host: 'gw.example.com', paths: [{ path: '/', pathType: 'Prefix' }] }, { host: 'api.example.com' }],
      tls: [{ secretName: 'gw-tls', hosts: ['gw.example.com', 'api.example.com'] }],
    },
    service: { type: 'NodePort', annotations: { team: 'cc' } },
  },
  'metrics: scrape annotations, ServiceMonitor, dashboard; tracing': {
    ...R,
    metrics: {
      port: 9100,
      podAnnotations: true,
      serviceMonitor: { enabled: true, labels: { release: 'prom' } },
      dashboard: { enabled: true, folder: 'Gateways' },
    },
    tracing: { otlpEndpoint: 'http://otel-collector:4318', protocol: 'http/json', sampler: 'parentbased_traceidratio', samplerArg: 0.25 },
  },
  'metrics off': { ...R, metrics: { enabled: false, podAnnotations: true, serviceMonitor: { enabled: true }, dashboard: { enabled: true } } },
  'no ServiceAccount, no spread, no preStop; extras, scheduling, resilience, names': {
    ...R,
    serviceAccount: { create: false, name: 'gateway' },
    topologySpread: { enabled: false },
    lifecycle: { preStopSleepSeconds: 0 },
    config: { logLevel: 'debug', shutdownGraceMs: 25000 },
    extraEnv: [{ name: 'NODE_OPTIONS', value: '--max-old-space-size=384' }],
    extraVolumes: [{ name: 'tmp', emptyDir: {} }],
    extraVolumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    nodeSelector: { pool: 'apps' },
    tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'In', values: ['apps'] }] }] },
      },
    },
    priorityClassName: 'high',
    podAnnotations: { team: 'cc' },
    podLabels: { team: 'cc' },
    resilience: { deadlineMs: 25000, maxRps: 50, retries: 0 },
    businessResults: { ttlSeconds: 60, l1Ms: 0 },
    nameOverride: 'gateway',
    fullnameOverride: 'cc-gateway',
  },
};

/** Value sets the chart must refuse, and what its message says. */
const REFUSALS: [string, Record<string, unknown>, RegExp][] = [
  ['no base URL', { ...R, isales: { ak: 'a', sk: 's' } }, /isales.baseUrl is required/],
  ['no credentials', { ...R, isales: { baseUrl: R.isales.baseUrl } }, /isales.existingSecret/],
  ['half a pair', { ...R, isales: { baseUrl: R.isales.baseUrl, ak: 'a' } }, /isales.existingSecret/],
  ['no access control', { ...R, auth: noJwt }, /auth.jwt.jwksUrl, auth.apiKeys or auth.existingSecret/],
  ['a JWKS without issuer', { ...R, auth: { jwt: { jwksUrl: 'https://idp/certs', issuer: '' } } }, /auth.jwt.issuer is required/],
  ['redis standalone without url', { ...R, redis: { mode: 'standalone' } }, /redis.url is required/],
  ['redis sentinel without sentinels', { ...R, redis: { mode: 'sentinel' } }, /redis.sentinels/],
  ['redis cluster without nodes', { ...R, redis: { mode: 'cluster' } }, /redis.clusterNodes/],
  ['an Ingress without hosts', { ...R, ingress: { enabled: true } }, /ingress.hosts/],
  [
    'an HPA without targets',
    { ...R, autoscaling: { enabled: true, targetCPUUtilizationPercentage: 0 } },
    /targetCPUUtilizationPercentage or targetMemoryUtilizationPercentage/,
  ],
  ['a drain longer than the grace period', { ...R, lifecycle: { preStopSleepSeconds: 15 } }, /terminationGracePeriodSeconds/],
];

describe('helm/isales-gateway through Helm: every switch', () => {
  const rendered: Record<string, Manifest[]> = {};

  it('helm lint --strict passes on values.yaml alone (as chart linters run it)', () => {
    expect(lintChart({})).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  it.each(Object.keys(SCENARIOS))('%s: helm lint --strict passes', (name) => {
    expect(lintChart(SCENARIOS[name])).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  it.each(Object.keys(SCENARIOS))('%s: helm template renders objects Kubernetes\u2019 schemas accept', (name) => {
    rendered[name] = templateChart(SCENARIOS[name]);
    expect(rendered[name].map((m) => m.kind)).toEqual(expect.arrayContaining(['ConfigMap', 'Deployment', 'Service', 'Pod']));
    expect(schemaFindings(rendered[name])).toEqual([]);
  });

  it('between them the scenarios render every kind the chart has', () => {
    const kinds = new Set(Object.values(rendered).flatMap((ms) => ms.map((m) => m.kind)));
    expect([...kinds].sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'HorizontalPodAutoscaler',
      'Ingress',
      'Pod',
      'PodDisruptionBudget',
      'Secret',
      'Service',
      'ServiceAccount',
      'ServiceMonitor',
    ]);
  });

  it.each(REFUSALS)('refuses %s: helm template fails, helm lint says why', (_name, values, message) => {
    expect(() => templateChart(values)).toThrow(message);
    expect(lintOutput(values).output).toMatch(message);
  });

  it('refuses an unknown Redis mode in lint too (values.schema.json)', () => {
    const values = { ...R, redis: { mode: 'cluster-ish' } };
    expect(lintOutput(values)).toEqual({ status: 1, output: expect.stringMatching(/redis\/mode.*must be one of/) });
    expect(() => templateChart(values)).toThrow(/redis\/mode.*must be one of/);
  });
});
