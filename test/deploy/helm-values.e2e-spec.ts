/**
 * What the chart does with values a user writes, checked on Helm's own output: each case here is
 * a way today's chart rendered something Kubernetes refuses, or something untrue, without a word.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CHART_DIR,
  defaultValues,
  findManifest,
  helm,
  lintChart,
  Manifest,
  readYaml,
  renderChart,
  REQUIRED_VALUES,
  ROOT,
  schemaFindings,
  templateChart,
} from './helm-chart';

type Any = any;

const image = (manifests: Manifest[]): string => (findManifest(manifests, 'Deployment') as Any).spec.template.spec.containers[0].image;
/** A values file as a user writes it: REQUIRED_VALUES (JSON is YAML; one line per key) and more YAML below. */
const valuesFile = (more: string): string =>
  Object.entries(REQUIRED_VALUES)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}\n`)
    .join('') + `${more}\n`;

describe('helm/isales-gateway: image tags are strings, whatever YAML makes of them', () => {
  it('--set image.tag=20240101 (an integer to Helm) names the image isales-gateway:20240101', () => {
    expect(image(renderChart(REQUIRED_VALUES, 'gw', ['--set', 'image.tag=20240101']).manifests)).toBe('isales-gateway:20240101');
  });

  it('tag: 20240101 in a values file (a float to Helm) names the same image', () => {
    expect(image(renderChart(valuesFile('image: {tag: 20240101}')).manifests)).toBe('isales-gateway:20240101');
  });

  it('tag: 1.10 in a values file, which YAML reads as 1.1, is refused with the fix; quoted it is 1.10', () => {
    expect(() => renderChart(valuesFile('image: {tag: 1.10}'))).toThrow(/image.tag .*quote/);
    expect(image(renderChart(valuesFile('image: {tag: "1.10"}')).manifests)).toBe('isales-gateway:1.10');
  });

  it('NOTES name the image that runs, tag included', () => {
    expect(renderChart(REQUIRED_VALUES, 'gw', ['--set', 'image.tag=2.3.4']).files['NOTES.txt']).toContain('isales-gateway:2.3.4');
    expect(renderChart().files['NOTES.txt']).toContain('isales-gateway:0.1.0');
  });
});

describe('helm/isales-gateway: call results', () => {
  const token = { id: 'tenant-a', token: 'a'.repeat(64), vdns: [1, 2] };
  const ingress = { enabled: true, hosts: [{ host: 'gw.example.com' }] };
  const paths = (values: Record<string, unknown>) =>
    ((findManifest(renderChart({ ...REQUIRED_VALUES, ...values }).manifests, 'Ingress') as Any).spec.rules as Any[]).flatMap((rule: Any) =>
      rule.http.paths.map((p: Any) => `${rule.host}${p.path}`),
    );

  it('routes the callback path through the ingress only when the callback is enabled', () => {
    expect(paths({ ingress })).not.toContain('gw.example.com/callbacks/isales/call-results');
    expect(paths({ ingress, callResults: { callback: { enabled: true, tokens: [token] } } })).toContain('gw.example.com/callbacks/isales/call-results');
    expect(paths({ ingress, callResults: { callback: { enabled: true, tokens: [token], ingressHosts: ['isales-push.example.com'] } } })).toContain(
      'isales-push.example.com/callbacks/isales/call-results',
    );
  });

  it('carries the tokens (hashes) and sources only when the callback is enabled, and refuses it without tokens', () => {
    const config = (values: Record<string, unknown>) =>
      (findManifest(renderChart({ ...REQUIRED_VALUES, ...values }).manifests, 'ConfigMap') as Any).data as Record<string, string>;
    expect(config({}).ISALES_CALLBACK_TOKENS).toBeUndefined();
    expect(config({}).CALL_RESULT_SSE_MAX).toBe('100');
    const enabled = config({ callResults: { callback: { enabled: true, tokens: [token], sources: ['10.20.0.0/16', '10.30.0.1'] } } });
    expect(JSON.parse(enabled.ISALES_CALLBACK_TOKENS)).toEqual([token]);
    expect(enabled.ISALES_CALLBACK_SOURCES).toBe('10.20.0.0/16,10.30.0.1');
    expect(() => renderChart({ ...REQUIRED_VALUES, callResults: { callback: { enabled: true } } })).toThrow(/callResults.callback.tokens/);
  });
});

describe('helm/isales-gateway: no null lists', () => {
  it('an Ingress host without paths routes /api, /health and /docs (Prefix) to the Service, a valid Ingress', () => {
    const { manifests } = renderChart({ ...REQUIRED_VALUES, ingress: { enabled: true, hosts: [{ host: 'gw.example.com' }] } });
    const ingress = findManifest(manifests, 'Ingress') as Any;
    const backend = { service: { name: 'gw-isales-gateway', port: { number: 80 } } };
    expect(ingress.spec.rules).toEqual([
      {
        host: 'gw.example.com',
        http: { paths: ['/api', '/health', '/docs'].map((path) => ({ path, pathType: 'Prefix', backend })) },
      },
    ]);
    expect(schemaFindings([ingress])).toEqual([]);
  });

  it('an HPA with both targets 0 is refused (Kubernetes would scale on 80% CPU, not "disabled")', () => {
    const values = { ...REQUIRED_VALUES, autoscaling: { enabled: true, targetCPUUtilizationPercentage: 0, targetMemoryUtilizationPercentage: 0 } };
    expect(() => renderChart(values)).toThrow(/autoscaling.*targetCPUUtilizationPercentage or targetMemoryUtilizationPercentage/);
    const memoryOnly = renderChart({ ...values, autoscaling: { ...values.autoscaling, targetMemoryUtilizationPercentage: 75 } }).manifests;
    const hpa = findManifest(memoryOnly, 'HorizontalPodAutoscaler') as Any;
    expect(hpa.spec.metrics.map((m: Any) => m.resource.name)).toEqual(['memory']);
    expect(schemaFindings([hpa])).toEqual([]);
  });
});

describe('helm/isales-gateway: shutdown fits the termination grace period', () => {
  it('refuses preStopSleepSeconds + SHUTDOWN_GRACE_MS beyond terminationGracePeriodSeconds', () => {
    expect(() => renderChart({ ...REQUIRED_VALUES, lifecycle: { preStopSleepSeconds: 15 } })).toThrow(/terminationGracePeriodSeconds/);
    expect(() => renderChart({ ...REQUIRED_VALUES, config: { shutdownGraceMs: 30000 } })).toThrow(/terminationGracePeriodSeconds/);
    expect(() => renderChart({ ...REQUIRED_VALUES, lifecycle: { preStopSleepSeconds: 15 }, terminationGracePeriodSeconds: 40 })).not.toThrow();
  });
});

describe('helm/isales-gateway: NOTES tell the truth', () => {
  it('announce /docs only when the docs are served', () => {
    const on = renderChart().files['NOTES.txt'];
    expect(on).toContain('/docs');
    const off = renderChart({ ...REQUIRED_VALUES, edge: { docsEnabled: false } }).files['NOTES.txt'];
    expect(off).not.toContain('/docs');
    const ingress = { enabled: true, hosts: [{ host: 'gw.example.com' }] };
    expect(renderChart({ ...REQUIRED_VALUES, ingress }).files['NOTES.txt']).toContain('http://gw.example.com/docs');
    const offBehindIngress = renderChart({ ...REQUIRED_VALUES, ingress, edge: { docsEnabled: false } }).files['NOTES.txt'];
    expect(offBehindIngress).not.toContain('/docs');
    expect(offBehindIngress).toContain('http://gw.example.com/health/ready');
  });
});

describe('helm/isales-gateway: values.schema.json', () => {
  it('refuses a value of the wrong type and a misspelt key, in lint and template alike', () => {
    for (const set of ['replicaCount=two', 'replicaCont=3', 'config.logLevel=verbose', 'service.port=http']) {
      expect(() => lintChart(REQUIRED_VALUES, ['--set', set])).toThrow(/schema/);
      expect(() => templateChart(REQUIRED_VALUES, ['--set', set])).toThrow(/schema/);
    }
  });

  it('describes every key of values.yaml', () => {
    const schema = readYaml(join(CHART_DIR, 'values.schema.json')) as Any;
    const missing: string[] = [];
    const walk = (values: Record<string, unknown>, node: Any, path: string): void => {
      for (const [key, value] of Object.entries(values)) {
        const child = node?.properties?.[key];
        if (!child) missing.push(`${path}${key}`);
        else if (child.properties && value && typeof value === 'object' && !Array.isArray(value))
          walk(value as Record<string, unknown>, child, `${path}${key}.`);
      }
    };
    walk(defaultValues(), schema, '');
    expect(missing).toEqual([]);
  });
});

describe('helm/isales-gateway: the examples in values.yaml work', () => {
  it('the header\u2019s helm install command renders, run as written', () => {
    const header = readFileSync(join(CHART_DIR, 'values.yaml'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('#'));
    const start = header.findIndex((l) => /^#\s+helm install /.test(l));
    expect(start).toBeGreaterThan(-1);
    const lines: string[] = [];
    for (let i = start; i < header.length; i++) {
      lines.push(header[i].replace(/^#\s+/, ''));
      if (!header[i].trimEnd().endsWith('\\')) break;
    }
    const command = `${lines.join('\n')} --dry-run=client`;
    const out = execFileSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: `${dirname(helm())}:${process.env.PATH}` } });
    expect(out).toContain('kind: Deployment');
  });
});

describe('helm/isales-gateway: helm test', () => {
  it('has a test hook that asks the Service for /health/ready and for a 401 without credentials, as locked down as the gateway', () => {
    const { hooks } = renderChart();
    expect(hooks).toHaveLength(1);
    const pod = hooks[0] as Any;
    expect(pod.kind).toBe('Pod');
    expect(pod.metadata.annotations['helm.sh/hook']).toBe('test');
    expect(pod.spec.restartPolicy).toBe('Never');
    const script = pod.spec.containers[0].command.join(' ');
    expect(script).toContain('http://gw-isales-gateway:80/health/ready');
    expect(script).toContain('401');
    expect(pod.spec.containers[0].image).toBe('isales-gateway:0.1.0');
    expect(pod.spec.containers[0].securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(schemaFindings(hooks)).toEqual([]);
  });
});
