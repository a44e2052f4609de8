import type { Fault, FaultTarget, OperationName } from './types';
import { OPERATION_NAMES } from './types';

const FAULT_KEYS = new Set(['latencyMs', 'httpStatus', 'resultCode', 'resultDesc', 'hang', 'drop', 'malformed', 'times', 'vdnId']);
const EFFECT_KEYS = ['latencyMs', 'httpStatus', 'resultCode', 'hang', 'drop', 'malformed'] as const;

export function isFaultTarget(value: string): value is FaultTarget {
  return value === '*' || (OPERATION_NAMES as readonly string[]).includes(value);
}

function isNonNegativeInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Checks a fault coming from JSON (control endpoint, SIMULATOR_FAULTS); throws an Error saying what is wrong. */
export function parseFault(value: unknown): Fault {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('a fault must be a JSON object');
  const fault = value as Record<string, unknown>;
  const unknown = Object.keys(fault).filter((key) => !FAULT_KEYS.has(key));
  if (unknown.length) throw new Error(`unknown fault field(s): ${unknown.join(', ')}`);
  if (fault.latencyMs !== undefined && !isNonNegativeInt(fault.latencyMs)) throw new Error('latencyMs must be an integer >= 0');
  if (fault.httpStatus !== undefined) {
    if (!isNonNegativeInt(fault.httpStatus) || fault.httpStatus < 200 || fault.httpStatus > 599) {
      throw new Error('httpStatus must be an integer from 200 to 599');
    }
  }
  for (const key of ['resultCode', 'resultDesc']) {
    if (fault[key] !== undefined && (typeof fault[key] !== 'string' || fault[key] === '')) {
      throw new Error(`${key} must be a non-empty string`);
    }
  }
  for (const key of ['hang', 'drop', 'malformed']) {
    if (fault[key] !== undefined && typeof fault[key] !== 'boolean') throw new Error(`${key} must be a boolean`);
  }
  if (fault.vdnId !== undefined && (!isNonNegativeInt(fault.vdnId) || fault.vdnId < 1 || fault.vdnId > 9999)) {
    throw new Error('vdnId must be an integer from 1 to 9999');
  }
  if (fault.times !== undefined && (!isNonNegativeInt(fault.times) || fault.times < 1)) {
    throw new Error('times must be an integer >= 1');
  }
  if (!EFFECT_KEYS.some((key) => fault[key] !== undefined && fault[key] !== false)) {
    throw new Error(`a fault needs at least one of ${EFFECT_KEYS.join(', ')}`);
  }
  return { ...(fault as Fault) };
}

/** Active faults by target. An operation's own fault wins over `*`. */
export class FaultStore {
  private readonly faults = new Map<FaultTarget, Fault>();

  set(target: FaultTarget, fault: Fault | null): void {
    if (fault === null) this.faults.delete(target);
    else this.faults.set(target, { ...fault });
  }

  clear(): void {
    this.faults.clear();
  }

  list(): Partial<Record<FaultTarget, Fault>> {
    return Object.fromEntries([...this.faults].map(([target, fault]) => [target, { ...fault }]));
  }

  /**
   * The fault to apply to one request of `operation` for `vdnId`, counting down (and clearing) a
   * `times` fault. A fault scoped to a VDN leaves the other VDNs' requests alone (and uncounted).
   */
  take(operation: OperationName, vdnId: number | null = null): Fault | null {
    const applies = (target: FaultTarget) => {
      const fault = this.faults.get(target);
      return fault !== undefined && (fault.vdnId === undefined || fault.vdnId === vdnId);
    };
    const target: FaultTarget | null = applies(operation) ? operation : applies('*') ? '*' : null;
    if (target === null) return null;
    const fault = this.faults.get(target)!;
    if (fault.times !== undefined) {
      if (fault.times <= 1) this.faults.delete(target);
      else this.faults.set(target, { ...fault, times: fault.times - 1 });
    }
    return { ...fault };
  }
}
