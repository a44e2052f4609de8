/** Renders the isales-gateway chart with Helm itself (scripts/ensure-helm.sh puts it in .cache/). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

interface YamlModule {
  load(text: string): unknown;
  loadAll(text: string): unknown[];
}
import jsYaml = require('js-yaml');
export const yaml: YamlModule = jsYaml;

export const ROOT = join(__dirname, '..', '..');
export const CHART_DIR = join(ROOT, 'helm', 'isales-gateway');
export const TEMPLATES_DIR = join(CHART_DIR, 'templates');

export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; [k: string]: unknown }; [k: string]: unknown };

export function readYaml(path: string): unknown {
  return yaml.load(readFileSync(path, 'utf8'));
}

export function chartMeta(): Record<string, unknown> {
  return readYaml(join(CHART_DIR, 'Chart.yaml')) as Record<string, unknown>;
}

export function defaultValues(): Record<string, unknown> {
  return readYaml(join(CHART_DIR, 'values.yaml')) as Record<string, unknown>;
}

/** The chart's template files, relative to templates/ (tests/ included). */
export function templateFiles(): string[] {
  return readdirSync(TEMPLATES_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(TEMPLATES_DIR, join(entry.parentPath, entry.name)))
    .sort();
}

/** The least a user must give: the upstream, its credentials and a way to authenticate callers. */
export const REQUIRED_VALUES = {
  isales: { baseUrl: 'https://10.22.26.181:28080', ak: 'test-ak', sk: 'test-sk' },
  auth: { jwt: { jwksUrl: 'https://idp.example.com/certs', issuer: 'https://idp.example.com', audience: 'isales-gateway' } },
};

/** Redis through Sentinel with every option on: the master name, a db, TLS, and both passwords from one Secret. */
export const SENTINEL_REDIS = {
  mode: 'sentinel',
  sentinels: ['s1:26379', 's2:26379', 's3:26379'],
  sentinelName: 'cache',
  db: 2,
  tls: true,
  existingSecret: 'redis-auth',
  existingSecretSentinelPasswordKey: 'sentinel-pw',
};

export interface Rendered {
  /** Rendered text per template file, as Helm's `# Source:` comments attribute it (NOTES.txt included). */
  files: Record<string, string>;
  /** Every object of the release's manifest (what `helm template` prints, hooks aside). */
  manifests: Manifest[];
  /** The release's hooks (the `helm test` Pod). */
  hooks: Manifest[];
}

let helmPath: string | undefined;

/** The Helm binary, fetched on first use when the test set-up has not fetched it yet. */
export function helm(): string {
  helmPath ??= execFileSync('bash', [join(ROOT, 'scripts', 'ensure-helm.sh')], { encoding: 'utf8' }).trim();
  return helmPath;
}

/** Values for Helm: an object, or the text of a values file as a user would write it. */
export type Values = Record<string, unknown> | string;

/** Runs Helm with the values in a file (as `-f values.yaml` would): its exit status and both outputs. */
export function execHelm(args: string[], values: Values = {}, setArgs: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'helm-values-'));
  try {
    const file = join(dir, 'values.yaml');
    writeFileSync(file, typeof values === 'string' ? values : JSON.stringify(values));
    return spawnSync(helm(), [...args, '-f', file, ...setArgs], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Helm's standard output; a failure throws Helm's own message. */
export function runHelm(args: string[], values: Values = {}, setArgs: string[] = []): string {
  const { status, stdout, stderr } = execHelm(args, values, setArgs);
  if (status !== 0) throw new Error(`helm ${args[0]} (exit ${status}): ${`${stdout}\n${stderr}`.trim()}`);
  return stdout;
}

/** Splits Helm's output into objects and the text of each template file. */
export function parseManifest(text: string): { files: Record<string, string>; manifests: Manifest[] } {
  const files: Record<string, string> = {};
  const manifests: Manifest[] = [];
  for (const doc of text.split(/^---\s*$/m)) {
    const source = /^# Source: [^/]+\/templates\/(.+)$/m.exec(doc)?.[1];
    if (!source) continue;
    const body = doc.slice(doc.indexOf('\n', doc.indexOf('# Source:')) + 1);
    files[source] = files[source] === undefined ? body : `${files[source]}---\n${body}`;
    const object = yaml.load(body);
    if (object !== null && object !== undefined) manifests.push(object as Manifest);
  }
  return { files, manifests };
}

/**
 * `helm install <release> ./helm/isales-gateway --dry-run=client` with the given values over
 * values.yaml: the manifest `helm template` prints, the hooks and the NOTES, without a cluster.
 */
export function renderChart(overrides: Values = REQUIRED_VALUES, releaseName = 'gw', setArgs: string[] = []): Rendered {
  const out = runHelm(['install', releaseName, CHART_DIR, '--dry-run=client', '--namespace', 'default', '-o', 'json'], overrides, setArgs);
  const release = JSON.parse(out) as { manifest?: string; hooks?: { manifest: string }[]; info: { notes?: string } };
  const { files, manifests } = parseManifest(release.manifest ?? '');
  const hooks = (release.hooks ?? []).map((h) => yaml.load(h.manifest) as Manifest);
  files['NOTES.txt'] = release.info.notes ?? '';
  return { files, manifests, hooks };
}

/** `helm template` of the chart: its objects, hooks included. */
export function templateChart(overrides: Values, setArgs: string[] = []): Manifest[] {
  return parseManifest(runHelm(['template', 'gw', CHART_DIR, '--namespace', 'default'], overrides, setArgs)).manifests;
}

/** `helm lint --strict`: throws Helm's findings when there are any. */
export function lintChart(overrides: Values, setArgs: string[] = []): string {
  return runHelm(['lint', '--strict', CHART_DIR], overrides, setArgs);
}

/**
 * Everything `helm lint --strict` says. Lint renders in a mode where `required` and `fail` only log
 * their message (so a chart lints without its values); what is refused for good lives in values.schema.json.
 */
export function lintOutput(overrides: Values): { status: number | null; output: string } {
  const { status, stdout, stderr } = execHelm(['lint', '--strict', CHART_DIR], overrides);
  return { status, output: `${stdout}\n${stderr}` };
}

/** Findings of Kubernetes' schemas on the objects (kubernetes-schemas.mjs); empty when all are valid. */
export function schemaFindings(manifests: Manifest[]): string[] {
  const out = execFileSync(process.execPath, [join(__dirname, 'kubernetes-schemas.mjs')], { input: JSON.stringify(manifests), encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

export function chartFile(path: string): string {
  try {
    return readFileSync(join(CHART_DIR, path), 'utf8');
  } catch {
    return '';
  }
}

export function findManifest(manifests: Manifest[], kind: string): Manifest | undefined {
  return manifests.find((m) => m.kind === kind);
}
