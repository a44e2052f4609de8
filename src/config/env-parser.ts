/**
 * A small reader of environment variables that collects every problem instead of stopping at the
 * first, so that a bad start-up names each variable at fault. Values are never echoed back: some of
 * them (ISALES_SK, a password in REDIS_URL) are secrets.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export class EnvReader {
  private readonly problems: string[] = [];
  private readonly read = new Set<string>();

  constructor(private readonly env: Env) {}

  /** Every variable some reader asked for: what the gateway accepts. */
  get names(): ReadonlySet<string> {
    return this.read;
  }

  private raw(name: string): string | undefined {
    this.read.add(name);
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  private fail<T>(name: string, why: string, fallback: T): T {
    this.problems.push(`${name}: ${why}`);
    return fallback;
  }

  requiredString(name: string): string {
    return this.raw(name) ?? this.fail(name, 'is required', '');
  }

  optionalString(name: string): string | undefined {
    return this.raw(name);
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) return this.fail(name, 'must be an integer', fallback);
    const n = Number(value);
    if (n < min || n > max) return this.fail(name, `must be between ${min} and ${max}`, fallback);
    return n;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return this.fail(name, 'must be true or false', fallback);
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    return (allowed as readonly string[]).includes(value) ? (value as T) : this.fail(name, `must be one of ${allowed.join(', ')}`, fallback);
  }

  url(name: string, protocols: readonly string[], options: { required: true }): URL;
  url(name: string, protocols: readonly string[], options?: { required?: false }): URL | undefined;
  url(name: string, protocols: readonly string[], options: { required?: boolean } = {}): URL | undefined {
    const value = this.raw(name);
    if (value === undefined) {
      return options.required ? this.fail(name, 'is required', new URL('http://invalid.invalid')) : undefined;
    }
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return this.fail(name, 'must be an absolute URL', undefined);
    }
    if (!protocols.includes(parsed.protocol)) {
      return this.fail(name, `must use ${protocols.map((p) => p + '//').join(' or ')}`, undefined);
    }
    return parsed;
  }

  /** Lets a reader report a rule that spans values (e.g. "not both"). */
  problem(name: string, why: string): void {
    this.problems.push(`${name}: ${why}`);
  }

  /** Throws once, naming every variable at fault. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}
