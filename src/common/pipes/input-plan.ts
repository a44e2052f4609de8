import type { VariantsOptions } from '../dto/variants';
import { getMetadataStorage } from 'class-validator';
import { InvalidParam } from '../errors/problem';

/** What a DTO class compiles to (src/common/pipes/compiled-input.ts) and what checking an input against it finds. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type Class = Function;
export type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
export type Input = Record<string, unknown>;

/** A DTO rule the compiled validators cannot enforce: the application refuses to start rather than check less than the DTO says. */
export class UntranslatableRuleError extends Error {
  override readonly name = 'UntranslatableRuleError';
}

/** The most invalid parameters one problem lists; the problem's detail says when there were more. */
export const MAX_INVALID_PARAMS = 20;

/** The invalid parameters of one input, at most MAX_INVALID_PARAMS of them; `more` once one more was found. */
export class Findings {
  readonly list: InvalidParam[];
  more: boolean;

  constructor() {
    this.list = [];
    this.more = false;
  }

  add(name: string, reason: string): void {
    if (this.list.length < MAX_INVALID_PARAMS) this.list.push({ name, reason });
    else this.more = true;
  }
}

/** One rule of a property: its class-validator name (the key its reason is kept under), its test and its reason. */
export interface Rule {
  readonly name: string;
  readonly test: (value: unknown, object: Input) => boolean;
  readonly reason: string;
  /** A size bound: true when `value` is beyond it, checked before anything else of the property. */
  readonly exceeds?: (value: unknown) => boolean;
}

export interface PropertyPlan {
  readonly name: string;
  readonly optional: boolean;
  readonly coerce?: (value: unknown) => unknown;
  readonly rules: readonly Rule[];
  readonly bounds: readonly Rule[];
  /** The nested DTO (`@ValidateNested` with `@Type`), validated in each item of a list or in an object. */
  readonly nested?: ClassPlan;
  readonly nestedReason?: string;
}

/** What a DTO class's input must be, compiled once from its decorators. */
export interface ClassPlan {
  readonly target: Class;
  readonly properties: readonly PropertyPlan[];
  readonly byName: ReadonlyMap<string, PropertyPlan>;
  readonly atLeastOne?: readonly string[];
  readonly variants?: VariantsOptions;
}
