import { ClassPlan, Findings, Input, PropertyPlan } from './input-plan';

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

function isObject(value: unknown): value is Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks `input` (an object) against `plan` and builds what the controller receives: an instance of the
 * DTO class (its defaults included) with each given property converted as class-transformer would.
 * Unknown properties, then each property's rules in class-validator's order. A size bound beyond its
 * limit is reported alone, and nothing nested in that property is looked at.
 */
export function checkObject(plan: ClassPlan, input: Input, path: string, findings: Findings): object {
  const Target = plan.target as new () => Input;
  const output = new Target();
  for (const key of Object.keys(input)) {
    const property = plan.byName.get(key);
    if (!property) {
      findings.add(join(path, key), `property ${key} should not exist`);
      continue;
    }
    const raw = input[key];
    output[key] = property.coerce ? property.coerce(raw) : raw;
  }
  for (const property of plan.properties) {
    if (findings.more) break;
    const value = output[property.name];
    if (property.optional && (value === null || value === undefined)) continue;
    if (property.bounds.length > 0 && property.bounds.some((rule) => rule.exceeds!(value))) {
      for (const rule of property.bounds) if (rule.exceeds!(value)) findings.add(join(path, property.name), rule.reason);
      continue;
    }
    let failed: Map<string, string> | undefined;
    for (const rule of property.rules) {
      if (!rule.test(value, output)) (failed ??= new Map()).set(rule.name, rule.reason);
    }
    if (failed) for (const reason of failed.values()) findings.add(join(path, property.name), reason);
    if (property.nested && value !== undefined) output[property.name] = checkNested(property, value, join(path, property.name), findings);
  }
  return output;
}

function checkNested(property: PropertyPlan, value: unknown, name: string, findings: Findings): unknown {
  const nested = property.nested!;
  if (isObject(value)) return checkObject(nested, value, name, findings);
  if (!Array.isArray(value)) {
    findings.add(name, property.nestedReason!);
    return value;
  }
  const items: unknown[] = [];
  for (let i = 0; i < value.length && !findings.more; i++) {
    const item: unknown = value[i];
    if (isObject(item)) items.push(checkObject(nested, item, join(name, i), findings));
    else {
      findings.add(join(name, i), property.nestedReason!);
      items.push(item);
    }
  }
  return items;
}
