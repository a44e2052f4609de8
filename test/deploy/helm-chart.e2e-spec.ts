import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHART_DIR,
  chartMeta,
  defaultValues,
  findManifest,
  Manifest,
  renderChart,
  REQUIRED_VALUES,
  SENTINEL_REDIS,
  TEMPLATES_DIR,
  templateFiles,
} from './helm-chart';

type Any = any;

const values = defaultValues();
const templateText = Object.fromEntries(templateFiles().map((f) => [f, readFileSync(join(TEMPLATES_DIR, f), 'utf8')]));

function with_(extra: Record<string, unknown>): Record<string, unknown> {
  return { auth: REQUIRED_VALUES.auth, ...extra, isales: { ...REQUIRED_VALUES.isales, ...(extra.isales ?? {}) } };
}

function deploymentOf(manifests: Manifest[]): Any {
  const d = findManifest(manifests, 'Deployment');
  expect(d).toBeDefined();
  return d;
}

function container(manifests: Manifest[]): Any {
  return deploymentOf(manifests).spec.template.spec.containers[0];
}

function configData(manifests: Manifest[]): Record<string, string> {
  return (findManifest(manifests, 'ConfigMap') as Any).data;
}

function envNames(manifests: Manifest[]): string[] {
  return (container(manifests).env ?? []).map((e: { name: string }) => e.name);
}

function envVar(manifests: Manifest[], name: string): Any {
  return (container(manifests).env ?? []).find((e: { name: string }) => e.name === name);
}

describe('helm/isales-gateway: plain YAML files', () => {
  it('Chart.yaml is a v2 application chart with a version and an appVersion', () => {
    const meta = chartMeta();
    expect(meta).toMatchObject({ apiVersion: 'v2', name: 'isales-gateway', type: 'application' });
    expect(String(meta.version)).toMatch(/^\d+\.\d+\.\d+/);
    expect(typeof meta.appVersion).toBe('string');
  });

  it('values.yaml parses to a map', () => {
    expect(typeof values).toBe('object');
    expect(values).not.toBeNull();
  });

  it('values.yaml documents every key with a comment on the line just above it', () => {
    const lines = readFileSync(join(CHART_DIR, 'values.yaml'), 'utf8').split('\n');
    const undocumented: string[] = [];
    lines.forEach((line, i) => {
      const key = /^(\s*)([A-Za-z_][\w.-]*)\s*:(?:\s|$)/.exec(line);
      if (!key) return;
      if (i === 0 || !lines[i - 1].trim().startsWith('#')) undocumented.push(`line ${i + 1}: ${line.trim()}`);
    });
    expect(undocumented).toEqual([]);
  });

  it('has the expected templates', () => {
    expect(templateFiles()).toEqual(
      expect.arrayContaining([
        '_helpers.tpl',
        'NOTES.txt',
        'configmap.yaml',
        'deployment.yaml',
        'hpa.yaml',
        'ingress.yaml',
        'pdb.yaml',
        'secret.yaml',
        'service.yaml',
        'serviceaccount.yaml',
      ]),
    );
  });
});

describe('helm/isales-gateway: templates against values.yaml', () => {
  const referenced = new Set<string>();
  for (const text of Object.values(templateText)) {
    for (const m of text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) referenced.add(m[1].slice(1));
  }

  it('every .Values path used by a template exists in values.yaml', () => {
    const missing = [...referenced].filter((path) => {
      let cur: unknown = values;
      for (const key of path.split('.')) {
        if (typeof cur !== 'object' || cur === null || Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, key)) return true;
        cur = (cur as Record<string, unknown>)[key];
      }
      return false;
    });
    expect(referenced.size).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('every top-level key of values.yaml is used by some template', () => {
    const tops = new Set([...referenced].map((p) => p.split('.')[0]));
    expect(Object.keys(values).filter((k) => !tops.has(k))).toEqual([]);
  });
});

describe('helm/isales-gateway: rendered with the default values (+ upstream and credentials)', () => {
  const { files, manifests } = renderChart();
  const deployment = deploymentOf(manifests);
  const pod = deployment.spec.template.spec;
  const gateway = pod.containers[0];
  const config = configData(manifests);

  it('renders parseable YAML: Deployment, Service, ConfigMap, Secret, ServiceAccount and PDB; no HPA, no Ingress', () => {
    expect(manifests.map((m) => m.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'PodDisruptionBudget', 'Secret', 'Service', 'ServiceAccount']);
    for (const m of manifests) {
      expect(m.apiVersion).toBeTruthy();
      expect(m.metadata.name).toBe('gw-isales-gateway');
      expect((m.metadata as Any).labels).toMatchObject({ 'app.kubernetes.io/name': 'isales-gateway', 'app.kubernetes.io/instance': 'gw' });
    }
    expect(findManifest(manifests, 'PodDisruptionBudget')!.apiVersion).toBe('policy/v1');
    expect(files['NOTES.txt']).toContain('gw-isales-gateway');
  });

  it("runs replicaCount pods of the chart's appVersion image", () => {
    expect(deployment.spec.replicas).toBe(values.replicaCount);
    expect(gateway.image).toBe(`isales-gateway:${String(chartMeta().appVersion)}`);
    expect(gateway.command).toEqual(['node', '--max-semi-space-size=8', '--heap-growing-percent=50', 'dist/main.js']);
  });

  it('selects its own pods: Deployment selector, pod labels, Service selector, PDB selector agree', () => {
    const selector = deployment.spec.selector.matchLabels;
    expect(deployment.spec.template.metadata.labels).toMatchObject(selector);
    expect((findManifest(manifests, 'Service') as Any).spec.selector).toEqual(selector);
    expect((findManifest(manifests, 'PodDisruptionBudget') as Any).spec.selector.matchLabels).toEqual(selector);
  });

  it('exposes the container ports named http on PORT and metrics on METRICS_PORT, and the Service targets both', () => {
    expect(gateway.ports).toEqual([
      { name: 'http', containerPort: Number(config.PORT), protocol: 'TCP' },
      { name: 'metrics', containerPort: Number(config.METRICS_PORT), protocol: 'TCP' },
    ]);
    expect(config.METRICS_ENABLED).toBe('true');
    expect(Number(config.METRICS_PORT)).not.toBe(Number(config.PORT));
    const ports = (findManifest(manifests, 'Service') as Any).spec.ports;
    expect(ports[0]).toMatchObject({ targetPort: 'http', port: 80 });
    expect(ports[1]).toMatchObject({ name: 'metrics', targetPort: 'metrics', port: 9464 });
  });

  it('leaves tracing off (no OTEL_* variable) and adds no scrape annotation by default', () => {
    expect(Object.keys(config).filter((k) => k.startsWith('OTEL_'))).toEqual([]);
    expect(Object.keys(deployment.spec.template.metadata.annotations).filter((k) => k.startsWith('prometheus.io/'))).toEqual([]);
  });

  it('probes /health/live (startup, liveness) and /health/ready (readiness) on the http port', () => {
    expect(gateway.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(gateway.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(gateway.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
  });

  it('is locked down: non-root, read-only root, no privilege escalation, no capabilities, RuntimeDefault seccomp', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(gateway.securityContext).toMatchObject({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(gateway.securityContext.runAsUser).not.toBe(0);
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  it('sets resources', () => {
    expect(gateway.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(gateway.resources.limits.memory).toBeDefined();
  });

  it('spreads pods over zones and hosts, selecting its own pods', () => {
    const constraints = pod.topologySpreadConstraints as Any[];
    expect(constraints.map((c) => c.topologyKey)).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    for (const c of constraints) {
      expect(c.labelSelector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
      expect(c.maxSkew).toBe(1);
      expect(['ScheduleAnyway', 'DoNotSchedule']).toContain(c.whenUnsatisfiable);
    }
  });

  it('shuts down in order: preStop sleep + SHUTDOWN_GRACE_MS < terminationGracePeriodSeconds', () => {
    const sleep = gateway.lifecycle.preStop.exec.command as string[];
    expect(sleep[0]).toBe('sleep');
    const sleepS = Number(sleep[1]);
    expect(sleepS).toBeGreaterThan(0);
    expect(Number(config.SHUTDOWN_GRACE_MS)).toBe(20000);
    expect(sleepS * 1000 + Number(config.SHUTDOWN_GRACE_MS)).toBeLessThan(pod.terminationGracePeriodSeconds * 1000);
  });

  it('takes its settings from the ConfigMap and AK/SK from the Secret by secretKeyRef', () => {
    expect(gateway.envFrom).toEqual([{ configMapRef: { name: findManifest(manifests, 'ConfigMap')!.metadata.name } }]);
    const secret = findManifest(manifests, 'Secret') as Any;
    for (const name of ['ISALES_AK', 'ISALES_SK']) {
      const ref = envVar(manifests, name).valueFrom.secretKeyRef;
      expect(ref.name).toBe(secret.metadata.name);
      expect(Object.keys(secret.data)).toContain(ref.key);
    }
    expect(Buffer.from(secret.data[envVar(manifests, 'ISALES_SK').valueFrom.secretKeyRef.key], 'base64').toString()).toBe('test-sk');
    expect(config.ISALES_BASE_URL).toBe('https://10.22.26.181:28080');
    // secrets never in the ConfigMap
    expect(Object.keys(config).filter((k) => /_(SK|AK|PASSWORD)$/.test(k))).toEqual([]);
    expect(JSON.stringify(config)).not.toContain('test-sk');
  });

  it('annotates the pods with the checksum of the rendered ConfigMap and Secret', () => {
    const annotations = deployment.spec.template.metadata.annotations;
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
    expect(annotations['checksum/config']).toBe(sha(files['configmap.yaml']));
    expect(annotations['checksum/secret']).toMatch(/^[0-9a-f]{64}$/);
    const changed = deploymentOf(renderChart(with_({ config: { logLevel: 'debug' } })).manifests).spec.template.metadata.annotations;
    expect(changed['checksum/config']).not.toBe(annotations['checksum/config']);
    expect(changed['checksum/secret']).toBe(annotations['checksum/secret']);
    const rotated = deploymentOf(renderChart(with_({ isales: { sk: 'other-sk' } })).manifests).spec.template.metadata.annotations;
    expect(rotated['checksum/secret']).not.toBe(annotations['checksum/secret']);
    expect(rotated['checksum/config']).toBe(annotations['checksum/config']);
  });

  it('leaves Redis out by default (mode none) and warns about it in NOTES', () => {
    expect(Object.keys(config).filter((k) => k.startsWith('REDIS_'))).toEqual([]);
    expect(files['NOTES.txt']).toMatch(/WARNING: redis.mode is none/);
  });
});

describe('helm/isales-gateway: options', () => {
  it('fails without isales.baseUrl', () => {
    expect(() => renderChart({ isales: { ak: 'a', sk: 's' } })).toThrow(/isales.baseUrl is required/);
  });

  it('fails without credentials (neither existingSecret nor ak+sk)', () => {
    expect(() => renderChart({ isales: { baseUrl: 'https://isales:28080' } })).toThrow(/isales.existingSecret/);
    expect(() => renderChart({ isales: { baseUrl: 'https://isales:28080', ak: 'a' } })).toThrow(/isales.existingSecret/);
  });

  it('uses an existing Secret when given one, and creates none', () => {
    const { manifests } = renderChart(
      with_({ isales: { ak: '', sk: '', existingSecret: 'isales-creds', existingSecretAkKey: 'AK', existingSecretSkKey: 'SK' } }),
    );
    expect(findManifest(manifests, 'Secret')).toBeUndefined();
    expect(envVar(manifests, 'ISALES_AK').valueFrom.secretKeyRef).toEqual({ name: 'isales-creds', key: 'AK' });
    expect(envVar(manifests, 'ISALES_SK').valueFrom.secretKeyRef).toEqual({ name: 'isales-creds', key: 'SK' });
    expect(deploymentOf(manifests).spec.template.metadata.annotations['checksum/secret']).toBeUndefined();
  });

  it('existingSecret wins over ak/sk given as well', () => {
    const { manifests } = renderChart(with_({ isales: { existingSecret: 'isales-creds' } }));
    expect(findManifest(manifests, 'Secret')).toBeUndefined();
    expect(envVar(manifests, 'ISALES_AK').valueFrom.secretKeyRef.name).toBe('isales-creds');
  });

  describe('a credentials document (several pairs, one per tenant)', () => {
    const mountOf = (manifests: Manifest[]) => {
      const mount = container(manifests).volumeMounts.find((m: Any) => m.name === 'isales-credentials');
      const volume = deploymentOf(manifests).spec.template.spec.volumes.find((v: Any) => v.name === 'isales-credentials');
      return { mount, volume };
    };

    it('from an existing Secret: mounted as a directory, ISALES_CREDENTIALS_FILE set, no ISALES_AK/SK, no Secret created', () => {
      const { manifests, files } = renderChart(with_({ isales: { ak: '', sk: '', credentials: { existingSecret: 'isales-tenants', key: 'tenants.json' } } }));
      const { mount, volume } = mountOf(manifests);
      // No subPath: kubelet's updates of a Secret reach only whole-directory mounts.
      expect(mount).toEqual({ name: 'isales-credentials', mountPath: '/etc/isales-gateway/credentials', readOnly: true });
      expect(volume.secret).toEqual({ secretName: 'isales-tenants', items: [{ key: 'tenants.json', path: 'credentials.json' }] });
      expect(configData(manifests).ISALES_CREDENTIALS_FILE).toBe(`${mount.mountPath}/credentials.json`);
      expect(envNames(manifests)).not.toContain('ISALES_AK');
      expect(envNames(manifests)).not.toContain('ISALES_SK');
      expect(findManifest(manifests, 'Secret')).toBeUndefined();
      expect(files['NOTES.txt']).toContain('document in Secret isales-tenants');
    });

    it('wins over ak/sk given as well', () => {
      const { manifests } = renderChart(with_({ isales: { credentials: { existingSecret: 'isales-tenants' } } }));
      expect(envNames(manifests)).not.toContain('ISALES_AK');
      expect(findManifest(manifests, 'Secret')).toBeUndefined();
    });

    it("from credentials.document: the chart creates the Secret, and leaves it out of the pods' checksums so a rotation rolls nothing", () => {
      const document = '[{"ak":"a","sk":"s","vdns":"*"}]';
      const { manifests } = renderChart(with_({ isales: { ak: '', sk: '', credentials: { document } } }));
      const secret = findManifest(manifests, 'Secret') as Any;
      expect(secret.metadata.name).toBe('gw-isales-gateway-credentials');
      expect(Buffer.from(secret.data['credentials.json'], 'base64').toString()).toBe(document);
      expect(mountOf(manifests).volume.secret.secretName).toBe('gw-isales-gateway-credentials');
      expect(deploymentOf(manifests).spec.template.metadata.annotations['checksum/secret']).toBeUndefined();
      expect(configData(manifests)).not.toHaveProperty('ISALES_CREDENTIALS');
    });
  });

  it('redis standalone: REDIS_URL, prefix and timeout; the password from an existing Secret', () => {
    const { manifests } = renderChart(
      with_({ redis: { mode: 'standalone', url: 'rediss://redis-master:6380/0', existingSecret: 'redis-auth', existingSecretPasswordKey: 'pw' } }),
    );
    expect(configData(manifests)).toMatchObject({
      REDIS_URL: 'rediss://redis-master:6380/0',
      REDIS_KEY_PREFIX: 'isales-gateway:',
      REDIS_COMMAND_TIMEOUT_MS: '250',
    });
    expect(configData(manifests).REDIS_SENTINELS).toBeUndefined();
    expect(envVar(manifests, 'REDIS_PASSWORD').valueFrom.secretKeyRef).toEqual({ name: 'redis-auth', key: 'pw' });
    expect(envVar(manifests, 'REDIS_SENTINEL_PASSWORD')).toBeUndefined();
  });

  it('redis standalone needs a url', () => {
    expect(() => renderChart(with_({ redis: { mode: 'standalone' } }))).toThrow(/redis.url is required/);
  });

  it('redis sentinel: REDIS_SENTINELS joined, master name, db, tls; both passwords from the Secret', () => {
    const { manifests } = renderChart(with_({ redis: SENTINEL_REDIS }));
    expect(configData(manifests)).toMatchObject({
      REDIS_SENTINELS: 's1:26379,s2:26379,s3:26379',
      REDIS_SENTINEL_NAME: 'cache',
      REDIS_DB: '2',
      REDIS_TLS: 'true',
    });
    expect(configData(manifests).REDIS_URL).toBeUndefined();
    expect(envVar(manifests, 'REDIS_PASSWORD').valueFrom.secretKeyRef).toEqual({ name: 'redis-auth', key: 'redis-password' });
    expect(envVar(manifests, 'REDIS_SENTINEL_PASSWORD').valueFrom.secretKeyRef).toEqual({ name: 'redis-auth', key: 'sentinel-pw' });
  });

  it('redis sentinel needs sentinels, cluster needs nodes, and mode must be known', () => {
    expect(() => renderChart(with_({ redis: { mode: 'sentinel' } }))).toThrow(/redis.sentinels/);
    expect(() => renderChart(with_({ redis: { mode: 'cluster' } }))).toThrow(/redis.clusterNodes/);
    expect(() => renderChart(with_({ redis: { mode: 'cluster-ish' } }))).toThrow(/redis\/mode.*must be one of/);
  });

  it('redis cluster: REDIS_CLUSTER_NODES joined', () => {
    const { manifests } = renderChart(with_({ redis: { mode: 'cluster', clusterNodes: ['n1:6379', 'n2:6379'], existingSecret: 'redis-auth' } }));
    expect(configData(manifests)).toMatchObject({ REDIS_CLUSTER_NODES: 'n1:6379,n2:6379', REDIS_TLS: 'false' });
    expect(envNames(manifests)).toContain('REDIS_PASSWORD');
    expect(envNames(manifests)).not.toContain('REDIS_SENTINEL_PASSWORD');
  });

  it('redis none ignores a Redis password Secret', () => {
    const { manifests } = renderChart(with_({ redis: { mode: 'none', existingSecret: 'redis-auth' } }));
    expect(envNames(manifests)).not.toContain('REDIS_PASSWORD');
  });

  it('HPA (autoscaling/v2) replaces the replica count', () => {
    const { manifests } = renderChart(with_({ autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 7, targetMemoryUtilizationPercentage: 80 } }));
    const hpa = findManifest(manifests, 'HorizontalPodAutoscaler') as Any;
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec).toMatchObject({
      minReplicas: 3,
      maxReplicas: 7,
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gw-isales-gateway' },
    });
    expect(hpa.spec.metrics.map((m: Any) => [m.resource.name, m.resource.target.averageUtilization])).toEqual([
      ['cpu', 70],
      ['memory', 80],
    ]);
    expect(deploymentOf(manifests).spec.replicas).toBeUndefined();
  });

  it('Ingress (networking.k8s.io/v1) routes to the Service', () => {
    const { manifests, files } = renderChart(
      with_({
        ingress: {
          enabled: true,
          className: 'nginx',
          hosts: [{ host: 'gw.example.com', paths: [{ path: '/', pathType: 'Prefix' }] }],
          tls: [{ secretName: 'gw-tls', hosts: ['gw.example.com'] }],
        },
      }),
    );
    const ingress = findManifest(manifests, 'Ingress') as Any;
    expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.tls).toEqual([{ hosts: ['gw.example.com'], secretName: 'gw-tls' }]);
    expect(ingress.spec.rules[0].http.paths[0]).toEqual({
      path: '/',
      pathType: 'Prefix',
      backend: { service: { name: 'gw-isales-gateway', port: { number: 80 } } },
    });
    expect(files['NOTES.txt']).toContain('https://gw.example.com/docs');
    expect(() => renderChart(with_({ ingress: { enabled: true } }))).toThrow(/ingress.hosts/);
  });

  it('PDB takes minAvailable instead of maxUnavailable when given, and can be disabled', () => {
    const pdb = findManifest(renderChart(with_({ podDisruptionBudget: { minAvailable: '50%' } })).manifests, 'PodDisruptionBudget') as Any;
    expect(pdb.spec.minAvailable).toBe('50%');
    expect(pdb.spec.maxUnavailable).toBeUndefined();
    expect(findManifest(renderChart(with_({ podDisruptionBudget: { enabled: false } })).manifests, 'PodDisruptionBudget')).toBeUndefined();
  });

  it('mounts an extra CA for the upstream and points ISALES_TLS_CA_FILE at it', () => {
    const { manifests } = renderChart(with_({ isales: { tlsCa: { existingConfigMap: 'corp-ca', key: 'bundle.pem' } } }));
    const c = container(manifests);
    const mount = c.volumeMounts.find((m: Any) => m.name === 'isales-ca');
    expect(mount.readOnly).toBe(true);
    expect(configData(manifests).ISALES_TLS_CA_FILE).toBe(`${mount.mountPath}/bundle.pem`);
    const volume = deploymentOf(manifests).spec.template.spec.volumes.find((v: Any) => v.name === 'isales-ca');
    expect(volume.configMap).toEqual({ name: 'corp-ca', items: [{ key: 'bundle.pem', path: 'bundle.pem' }] });
  });

  it('adds extra env, volumes and mounts; passes through scheduling settings', () => {
    const { manifests } = renderChart(
      with_({
        extraEnv: [{ name: 'LOG_LEVEL', value: 'debug' }],
        extraVolumes: [{ name: 'tmp', emptyDir: {} }],
        extraVolumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        nodeSelector: { pool: 'apps' },
        tolerations: [{ key: 'dedicated', operator: 'Exists' }],
        priorityClassName: 'high',
        imagePullSecrets: [{ name: 'regcred' }],
        podAnnotations: { 'prometheus.io/scrape': 'false' },
      }),
    );
    const pod = deploymentOf(manifests).spec.template.spec;
    expect(envNames(manifests)).toContain('LOG_LEVEL');
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.nodeSelector).toEqual({ pool: 'apps' });
    expect(pod.tolerations).toEqual([{ key: 'dedicated', operator: 'Exists' }]);
    expect(pod.priorityClassName).toBe('high');
    expect(pod.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(deploymentOf(manifests).spec.template.metadata.annotations['prometheus.io/scrape']).toBe('false');
  });

  it('without a chart-made ServiceAccount the pods use the named (or default) one', () => {
    const { manifests } = renderChart(with_({ serviceAccount: { create: false } }));
    expect(findManifest(manifests, 'ServiceAccount')).toBeUndefined();
    expect(deploymentOf(manifests).spec.template.spec.serviceAccountName).toBe('default');
  });

  it('names resources after the release, honouring overrides and the 63-character limit; Helm refuses release names over 53', () => {
    expect(renderChart(REQUIRED_VALUES, 'isales-gateway-prod').manifests[0].metadata.name).toBe('isales-gateway-prod');
    expect(renderChart(with_({ fullnameOverride: 'gw' })).manifests[0].metadata.name).toBe('gw');
    const longest = renderChart(REQUIRED_VALUES, 'r'.repeat(53)).manifests.map((m) => m.metadata.name);
    for (const name of longest) expect(name.length).toBeLessThanOrEqual(63);
    expect(() => renderChart(REQUIRED_VALUES, 'r'.repeat(54))).toThrow(/must not be longer than 53/);
  });

  it('metrics: scrape annotations on the pods, a ServiceMonitor on the metrics port, or no metrics at all', () => {
    const annotated = renderChart(with_({ metrics: { podAnnotations: true, port: 9100 } })).manifests;
    expect(deploymentOf(annotated).spec.template.metadata.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9100',
      'prometheus.io/path': '/metrics',
    });
    const monitored = renderChart(with_({ metrics: { serviceMonitor: { enabled: true, labels: { release: 'prom' } } } })).manifests;
    const monitor = findManifest(monitored, 'ServiceMonitor') as Any;
    expect(monitor.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(monitor.metadata.labels.release).toBe('prom');
    expect(monitor.spec.selector.matchLabels).toEqual(deploymentOf(monitored).spec.selector.matchLabels);
    expect(monitor.spec.endpoints).toEqual([{ port: 'metrics', path: '/metrics', interval: '30s', scrapeTimeout: '10s' }]);
    const off = renderChart(
      with_({ metrics: { enabled: false, podAnnotations: true, serviceMonitor: { enabled: true }, dashboard: { enabled: true } } }),
    ).manifests;
    expect(configData(off).METRICS_ENABLED).toBe('false');
    expect(container(off).ports.map((p: Any) => p.name)).toEqual(['http']);
    expect((findManifest(off, 'Service') as Any).spec.ports.map((p: Any) => p.name)).toEqual(['http']);
    expect(off.map((m) => m.kind)).not.toContain('ServiceMonitor');
    expect(off.filter((m) => m.kind === 'ConfigMap')).toHaveLength(1);
  });

  it('tracing: the standard OTEL_* variables once an OTLP endpoint is given', () => {
    const { manifests } = renderChart(
      with_({ tracing: { otlpEndpoint: 'http://otel-collector:4318', sampler: 'parentbased_traceidratio', samplerArg: 0.25 } }),
    );
    expect(configData(manifests)).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_SERVICE_NAME: 'isales-gateway',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    });
  });

  it('topology spread and the preStop hook can be turned off', () => {
    const { manifests } = renderChart(with_({ topologySpread: { enabled: false }, lifecycle: { preStopSleepSeconds: 0 } }));
    expect(deploymentOf(manifests).spec.template.spec.topologySpreadConstraints).toBeUndefined();
    expect(container(manifests).lifecycle).toBeUndefined();
  });
});
