import { FORBIDDEN_CHARACTER } from '../dto/text';
import { ClassPlan, Input } from './input-plan';

/** The answer for a valid input, or undefined: the caller then runs the full checks, which word the problem. */
export type FastPath = (input: Input) => object | undefined;

/**
 * The answer for a valid input of a flat DTO (no nested DTO, no @AtLeastOneOf or @Variants), in one
 * pass and without allocating anything but the answer; undefined when anything is off (an unknown
 * property, a value that is not a plain string, number or boolean, a forbidden character, a rule
 * that fails), and the caller then runs the full checks (input-check.ts), which word the problem.
 * Both run the same compiled rules, so the fast path cannot accept more.
 *
 * It is generated once per DTO class as the source of one function, the way ajv compiles a schema:
 * each property's conversion and each rule is called from a call site of its own, which V8 can
 * inline, where a loop over the plan calls every rule of every DTO from one site (a megamorphic call
 * per rule) and looks each key up in a map. The source holds no input: only the plan's property
 * names, as JSON string literals, and indices into the plan's own functions.
 */
export function compileFastPath(plan: ClassPlan): FastPath | undefined {
  if (plan.atLeastOne || plan.variants || plan.properties.some((property) => property.nested)) return undefined;
  const functions: unknown[] = [];
  const ref = (fn: unknown): string => `f[${functions.push(fn) - 1}]`;
  const cases: string[] = [];
  const checks: string[] = [];
  plan.properties.forEach((property, index) => {
    const key = JSON.stringify(property.name);
    const value = `v${index}`;
    const converted = property.coerce ? `${ref(property.coerce)}(raw)` : 'raw';
    cases.push(
      `case ${key}: raw = input[${key}];` +
        ` if (typeof raw === 'string') { if (forbidden.test(raw)) return undefined; }` +
        ` else if (typeof raw !== 'number' && typeof raw !== 'boolean') return undefined;` +
        ` output[${key}] = ${converted}; break;`,
    );
    const rules = property.rules.map((rule) => `if (!${ref(rule.test)}(${value}, output)) return undefined;`).join(' ');
    if (rules === '') return;
    const skip = property.optional ? `if (${value} !== null && ${value} !== undefined) ` : '';
    checks.push(`const ${value} = output[${key}]; ${skip}{ ${rules} }`);
  });
  const source =
    `return function fastPath(input) {` +
    ` const output = new Target(); let raw;` +
    ` for (const key in input) { if (!hasOwn(input, key)) continue; switch (key) { ${cases.join(' ')} default: return undefined; } }` +
    ` ${checks.join(' ')}` +
    ` return output; };`;
  // Generated from the plan (the DTOs' own property names and functions), never from a request.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const build = new Function('Target', 'f', 'forbidden', 'hasOwn', source) as (...args: unknown[]) => FastPath;
  return build(plan.target, functions, FORBIDDEN_CHARACTER, Object.hasOwn);
}
