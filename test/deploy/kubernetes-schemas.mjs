// Validates Kubernetes objects against the API's own schemas (kubernetes-models, generated from the
// Kubernetes OpenAPI document; the Prometheus Operator's CRDs for ServiceMonitor). A separate Node
// process because those packages are ES modules only. Reads a JSON array of objects on stdin and
// writes a JSON array of findings ("<kind>/<name>: <problem>"), empty when every object is valid.
const MODULES = {
  'monitoring.coreos.com/v1': (kind) => `@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/${kind}`,
};
const modulePath = (apiVersion, kind) => (MODULES[apiVersion] ?? ((k) => `kubernetes-models/${apiVersion}/${k}`))(kind);

/** Kubernetes drops a null field silently; in a rendered chart it is a template bug (a list that came out empty). */
function nulls(value, path, out) {
  if (value === null) out.push(`${path} is null`);
  else if (Array.isArray(value)) value.forEach((v, i) => nulls(v, `${path}[${i}]`, out));
  else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) nulls(v, path ? `${path}.${k}` : k, out);
  return out;
}

async function findings(object) {
  const { apiVersion, kind } = object ?? {};
  const found = nulls(object, '', []);
  let Model;
  try {
    Model = (await import(modulePath(apiVersion, kind)))[kind];
  } catch {
    Model = undefined;
  }
  if (!Model) return [...found, `no schema for ${apiVersion} ${kind}`];
  try {
    new Model(object).validate();
  } catch (error) {
    found.push(error instanceof Error ? error.message : String(error));
  }
  return found;
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const object of JSON.parse(input)) {
  for (const finding of await findings(object)) out.push(`${object?.kind}/${object?.metadata?.name}: ${finding}`);
}
process.stdout.write(JSON.stringify(out));
