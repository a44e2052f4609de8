import { isFaultTarget, parseFault } from './faults';
import { parseCredentialList, type SimulatorCredential } from './keyring';
import type { Fault, FaultTarget, SimulatorOptions } from './types';

export interface SimulatorLaunchConfig {
  port: number;
  host: string;
  /** Print one line per iSales request (method, path, status; never headers or bodies). */
  logRequests: boolean;
  options: SimulatorOptions;
}

export const DEFAULT_PORT = 18080;
export const DEFAULT_HOST = '127.0.0.1';

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: Env, name: string, min: number, max: number): number | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

function flag(env: Env, name: string): boolean | undefined {
  const value = text(env, name)?.toLowerCase();
  if (value === undefined) return undefined;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

function vdnList(env: Env, name: string): number[] | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const vdn = /^\d+$/.test(item) ? Number(item) : NaN;
      if (!(vdn >= 1 && vdn <= 9999)) throw new Error(`${name} must list VDN ids from 1 to 9999, got "${item}"`);
      return vdn;
    });
}

function faultMap(env: Env, name: string): Partial<Record<FaultTarget, Fault>> | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new Error(`${name} is not valid JSON`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${name} must be a JSON object keyed by operation`);
  }
  const faults: Partial<Record<FaultTarget, Fault>> = {};
  for (const [target, fault] of Object.entries(parsed)) {
    if (!isFaultTarget(target)) throw new Error(`${name}: unknown operation "${target}"`);
    try {
      faults[target] = parseFault(fault);
    } catch (error) {
      throw new Error(`${name}.${target}: ${(error as Error).message}`, { cause: error });
    }
  }
  return faults;
}

function credentialList(env: Env, name: string): SimulatorCredential[] | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  const single = ['SIMULATOR_AK', 'SIMULATOR_SK'].filter((other) => text(env, other) !== undefined);
  if (single.length > 0) throw new Error(`${name} replaces ${single.join(' and ')}: set one form only`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
  try {
    return parseCredentialList(parsed);
  } catch (error) {
    throw new Error(`${name} ${(error as Error).message}`, { cause: error });
  }
}

/** Reads and checks the SIMULATOR_* variables once; throws an Error naming the bad variable. */
export function loadLaunchConfig(env: Env): SimulatorLaunchConfig {
  const options: SimulatorOptions = {
    ak: text(env, 'SIMULATOR_AK'),
    sk: text(env, 'SIMULATOR_SK'),
    credentials: credentialList(env, 'SIMULATOR_CREDENTIALS'),
    clockSkewSeconds: integer(env, 'SIMULATOR_CLOCK_SKEW_S', 0, 315_360_000),
    generatedSize: integer(env, 'SIMULATOR_GENERATED_SIZE', 0, 999_999),
    businessResultParents: integer(env, 'SIMULATOR_BUSINESS_RESULT_PARENTS', 0, 999_999),
    emptyVdns: vdnList(env, 'SIMULATOR_EMPTY_VDNS'),
    maxIds: integer(env, 'SIMULATOR_MAX_IDS', 1, 100_000),
    dropReturnCode: flag(env, 'SIMULATOR_DROP_RETURN_CODE'),
    dropCount: flag(env, 'SIMULATOR_DROP_COUNT'),
    faults: faultMap(env, 'SIMULATOR_FAULTS'),
  };
  for (const key of Object.keys(options) as Array<keyof SimulatorOptions>) {
    if (options[key] === undefined) delete options[key];
  }
  return {
    port: integer(env, 'SIMULATOR_PORT', 0, 65_535) ?? DEFAULT_PORT,
    host: text(env, 'SIMULATOR_HOST') ?? DEFAULT_HOST,
    logRequests: flag(env, 'SIMULATOR_LOG_REQUESTS') ?? true,
    options,
  };
}
