const AT_LEAST_ONE = Symbol('atLeastOneOf');

/**
 * A partial change must change something: an empty one would reach iSales as a no-op write. The
 * validation pipe refuses a body without any of `fields` (src/common/pipes/input-rules.ts), and the
 * document says `minProperties: 1` (src/openapi/validation.openapi.ts, which checks that `fields`
 * are all the body's properties, so the two mean the same).
 */
export function AtLeastOneOf(fields: readonly string[]): ClassDecorator {
  return (target) => Reflect.defineMetadata(AT_LEAST_ONE, fields, target);
}

export function atLeastOneOf(target: object): readonly string[] | undefined {
  return Reflect.getMetadata(AT_LEAST_ONE, target) as readonly string[] | undefined;
}

export function atLeastOneReason(fields: readonly string[]): string {
  return `at least one of ${fields.join(', ')} must be given`;
}
