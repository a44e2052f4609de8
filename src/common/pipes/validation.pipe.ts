import { ArgumentMetadata, INestApplicationContext, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../errors/gateway-error';
import { ClassPlan, checkObject, compileClass, compileFastPath, Findings, UntranslatableRuleError } from './compiled-input';
import { checkInputRules } from './input-rules';
import { InputKind, routeInputs } from './route-inputs';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function;
type Check = (value: unknown) => unknown;

const NOT_AN_OBJECT = 'the body must be a JSON object';

function fail(findings: Findings): never {
  throw new ValidationFailedError(findings.list, findings.more);
}

/**
 * The check of one kind of input (body, query or path parameters) against one DTO class, compiled
 * once: the input rules every DTO shares (input-rules.ts), then the DTO's own rules
 * (compiled-input.ts); it answers what the controller receives, or throws the 400 problem naming
 * each parameter at fault (never echoing a value).
 */
export function compileCheck(target: Class, kind: InputKind, known = new Map<Class, ClassPlan>()): Check {
  const plan = compileClass(target, known);
  const fast = compileFastPath(plan);
  return (value) => {
    if (fast && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const valid = fast(value as Record<string, unknown>);
      if (valid) return valid;
    }
    const findings = new Findings();
    // A write without a body is checked as an empty one (each required field named); any JSON that is not an object is refused as a whole.
    const input = value === undefined ? {} : value;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      findings.add(kind === 'body' ? 'body' : kind, NOT_AN_OBJECT);
      fail(findings);
    }
    checkInputRules(input, plan, findings);
    if (findings.list.length > 0) fail(findings);
    const output = checkObject(plan, input as Record<string, unknown>, '', findings);
    if (findings.list.length > 0) fail(findings);
    return output;
  };
}

/**
 * Validates every route's body, query and path parameters with checks compiled when the
 * application is built, one per DTO class and kind of input, from the DTOs' decorators (the
 * metadata that also writes the OpenAPI document). Per request it is a lookup and the checks:
 * class-transformer and class-validator are not on a request's path.
 */
export class GatewayValidationPipe implements PipeTransform {
  private readonly checks: Record<InputKind, Map<Class, Check>> = { body: new Map(), query: new Map(), path: new Map() };

  constructor(app: INestApplicationContext) {
    const known = new Map<Class, ClassPlan>();
    for (const route of routeInputs(app)) {
      if (route.unchecked.length > 0) {
        throw new UntranslatableRuleError(`${route.where}: ${route.unchecked.join(', ')} would not be validated; take a DTO class instead`);
      }
      for (const [kind, target] of Object.entries(route.inputs) as Array<[InputKind, Class]>) {
        if (!this.checks[kind].has(target)) this.checks[kind].set(target, compileCheck(target, kind, known));
      }
    }
  }

  /**
   * The compiled check of one kind of input against one DTO class, for a handler wired at
   * start-up (src/edge/direct-routes.ts): the same check this pipe applies, looked up once.
   */
  checkOf(kind: InputKind, target: Class): Check {
    const check = this.checks[kind].get(target);
    if (!check) throw new UntranslatableRuleError(`no compiled check for the ${kind} of ${target.name}`);
    return check;
  }

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const kind: InputKind | undefined =
      metadata.type === 'param' ? 'path' : metadata.type === 'query' ? 'query' : metadata.type === 'body' ? 'body' : undefined;
    if (kind === undefined) return value;
    const check = metadata.metatype && this.checks[kind].get(metadata.metatype);
    if (!check) throw new UntranslatableRuleError(`no compiled check for the ${kind} of ${metadata.metatype?.name ?? 'an untyped argument'}`);
    return check(value);
  }
}

export function createValidationPipe(app: INestApplicationContext): GatewayValidationPipe {
  return new GatewayValidationPipe(app);
}
