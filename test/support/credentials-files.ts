import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimulatorCredential, SimulatorOptions } from '../../simulator/simulator';

export type Pair = SimulatorCredential;

/** The document both the gateway (ISALES_CREDENTIALS[_FILE]) and the simulator (SIMULATOR_CREDENTIALS) read. */
export function credentialsDocument(...pairs: Pair[]): string {
  return JSON.stringify(pairs);
}

/** Gateway environment holding a document instead of the harness's one ISALES_AK/ISALES_SK pair. */
export function credentialsEnv(form: { ISALES_CREDENTIALS: string } | { ISALES_CREDENTIALS_FILE: string }): Record<string, string> {
  return { ISALES_AK: '', ISALES_SK: '', ...form };
}

/** Simulator options accepting `pairs`, in place of the harness's one TEST_AK/TEST_SK pair. */
export function simulatorCredentials(pairs: Pair[]): SimulatorOptions {
  return { ak: undefined, sk: undefined, credentials: pairs };
}

const FILE = 'credentials.json';

/**
 * A directory laid out like a mounted Kubernetes Secret: `credentials.json -> ..data/credentials.json`,
 * `..data -> ..<version>`. `write` does what kubelet's AtomicWriter does: a new version directory,
 * a `..data_tmp` symlink to it renamed over `..data`, then the old version removed.
 */
export class MountedSecret {
  readonly dir = mkdtempSync(join(tmpdir(), 'isales-secret-'));
  readonly path = join(this.dir, FILE);
  private version: string | undefined;
  private count = 0;

  constructor(text: string) {
    this.write(text);
    symlinkSync(join('..data', FILE), this.path);
  }

  write(text: string): void {
    const previous = this.version;
    this.version = `..v${++this.count}`;
    mkdirSync(join(this.dir, this.version));
    writeFileSync(join(this.dir, this.version, FILE), text);
    symlinkSync(this.version, join(this.dir, '..data_tmp'));
    renameSync(join(this.dir, '..data_tmp'), join(this.dir, '..data'));
    if (previous) rmSync(join(this.dir, previous), { recursive: true, force: true });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A plain file in its own directory, replaced atomically by writing a sibling and renaming it over. */
export class RenamedFile {
  readonly dir = mkdtempSync(join(tmpdir(), 'isales-credentials-'));
  readonly path = join(this.dir, FILE);

  constructor(text: string) {
    writeFileSync(this.path, text);
  }

  write(text: string): void {
    writeFileSync(`${this.path}.tmp`, text);
    renameSync(`${this.path}.tmp`, this.path);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
