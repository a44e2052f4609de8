/** Loads the isales-gateway chart and renders it the way `helm template` would, with go-template.ts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChartTemplates, mergeValues } from './go-template';

interface YamlModule {
  load(text: string): unknown;
  loadAll(text: string): unknown[];
}
export const yaml = require('js-yaml') as YamlModule;

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

export function templateFiles(): string[] {
  return readdirSync(TEMPLATES_DIR).sort();
}

/** The least a user must give: the upstream and its credentials. */
export const REQUIRED_VALUES = {
  isales: { baseUrl: 'https://10.22.26.181:28080', ak: 'test-ak', sk: 'test-sk' },
  auth: { jwt: { jwksUrl: 'https://idp.example.com/certs', issuer: 'https://idp.example.com', audience: 'isales-gateway' } },
};

export interface Rendered {
  /** Rendered text per template file (NOTES.txt included, helpers excluded). */
  files: Record<string, string>;
  /** Every YAML document of every rendered manifest, nulls (empty documents) left out. */
  manifests: Manifest[];
}

let loaded: { meta: Record<string, unknown>; chartName: string; templates: ChartTemplates; names: string[]; defaults: Record<string, unknown> } | undefined;

/** Reads and parses the chart once per test file (renders never modify it). */
function loadChart(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const meta = chartMeta();
  const chartName = String(meta.name);
  const templates = new ChartTemplates();
  const names = templateFiles();
  for (const file of names) templates.add(`${chartName}/templates/${file}`, readFileSync(join(TEMPLATES_DIR, file), 'utf8'));
  loaded = { meta, chartName, templates, names, defaults: defaultValues() };
  return loaded;
}

/** `helm template gw ./helm/isales-gateway` with the given values merged over values.yaml. */
export function renderChart(overrides: Record<string, unknown> = REQUIRED_VALUES, releaseName = 'gw'): Rendered {
  const { meta, chartName, templates, names, defaults } = loadChart();
  const values = mergeValues(defaults, overrides);
  const files: Record<string, string> = {};
  const manifests: Manifest[] = [];
  for (const file of names.filter((f) => !f.startsWith('_'))) {
    const name = `${chartName}/templates/${file}`;
    const top = {
      Values: values,
      Release: { Name: releaseName, Namespace: 'default', Service: 'Helm', IsInstall: true, IsUpgrade: false, Revision: 1 },
      Chart: { Name: chartName, Version: meta.version, AppVersion: meta.appVersion, Description: meta.description },
      Template: { Name: name, BasePath: `${chartName}/templates` },
      // Helm's .Files.Get: a file of the chart outside templates/, as text ("" when missing).
      Files: { Get: (path: unknown) => chartFile(String(path)) },
    };
    const text = templates.render(name, top);
    files[file] = text;
    if (!file.endsWith('.yaml') && !file.endsWith('.yml')) continue;
    for (const doc of yaml.loadAll(text)) if (doc !== null && doc !== undefined) manifests.push(doc as Manifest);
  }
  return { files, manifests };
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
