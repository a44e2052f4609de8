import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helm-chart';

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** Joins continued lines, drops comments, resolves ARGs declared before the first FROM. */
function parseDockerfile(text: string): { stages: Stage[]; globalArgs: Record<string, string> } {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    if (/^\s*#/.test(raw)) continue;
    const line = raw.replace(/\s+$/, '');
    if (line.endsWith('\\')) {
      current += line.slice(0, -1) + ' ';
      continue;
    }
    current += line;
    if (current.trim()) logical.push(current.trim());
    current = '';
  }
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const m = /^(\w+)\s+([\s\S]*)$/.exec(line);
    if (!m) throw new Error(`unparsable Dockerfile line: ${line}`);
    const op = m[1].toUpperCase();
    const args = m[2];
    if (op === 'FROM') {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!from) throw new Error(`unparsable FROM: ${line}`);
      const image = from[1].replace(/\$\{?(\w+)\}?/g, (_s, name: string) => globalArgs[name] ?? '');
      stages.push({ image, name: from[2], instructions: [] });
    } else if (stages.length === 0) {
      if (op !== 'ARG') throw new Error(`${op} before the first FROM`);
      const arg = /^(\w+)(?:=(\S*))?$/.exec(args);
      if (arg) globalArgs[arg[1]] = arg[2] ?? '';
    } else {
      stages[stages.length - 1].instructions.push({ op, args });
    }
  }
  return { stages, globalArgs };
}

/** The JSON array of an exec-form CMD/ENTRYPOINT/HEALTHCHECK CMD, or undefined for shell form. */
function execForm(args: string): string[] | undefined {
  if (!args.trim().startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : undefined;
}

/** KEY=VALUE pairs of an ENV instruction (also the legacy `ENV KEY VALUE`). */
function envPairs(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!args.includes('=')) {
    const [k, ...v] = args.split(/\s+/);
    out[k] = v.join(' ');
    return out;
  }
  for (const m of args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S*)/g)) out[m[1]] = m[2].startsWith('"') ? (JSON.parse(m[2]) as string) : m[2];
  return out;
}

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const { stages } = parseDockerfile(dockerfile);
const final = stages[stages.length - 1];
const finalOps = (op: string): Instruction[] => final.instructions.filter((i) => i.op === op);
const stageByName = (name: string): Stage | undefined => stages.find((s) => s.name === name);

describe('Dockerfile', () => {
  it('has at least two named stages (FROM ... AS ...)', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.filter((s) => s.name).length).toBeGreaterThanOrEqual(2);
  });

  it('uses a Node 24 base image in every stage', () => {
    for (const stage of stages) expect(stage.image).toMatch(/^node:24(?:[.-]|$)/);
  });

  it('builds with dev dependencies: npm ci (no --omit) then npm run build, in a stage other than the final one', () => {
    const build = stages.slice(0, -1).find((s) => s.instructions.some((i) => i.op === 'RUN' && /\bnpm run build\b/.test(i.args)));
    expect(build).toBeDefined();
    const runs = build!.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r) && !/--omit=dev|--production|--only=prod/.test(r))).toBe(true);
  });

  it('installs runtime dependencies with npm ci --omit=dev and copies only those node_modules into the final stage', () => {
    const copies = finalOps('COPY').filter((c) => /node_modules/.test(c.args));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const from = /--from=(\S+)/.exec(copy.args)?.[1];
      expect(from).toBeDefined();
      const deps = stageByName(from!);
      expect(deps).toBeDefined();
      expect(deps!.instructions.some((i) => i.op === 'RUN' && /\bnpm ci\b[^&|;]*(--omit=dev|--production|--only=prod)/.test(i.args))).toBe(true);
    }
    // and the final stage does not install anything itself
    expect(finalOps('RUN').some((r) => /\bnpm (ci|install|i)\b/.test(r.args))).toBe(false);
  });

  it('copies the compiled dist/ from the build stage into the final stage', () => {
    const dist = finalOps('COPY').find((c) => /\bdist\b/.test(c.args));
    expect(dist?.args).toMatch(/--from=\S+/);
  });

  it('runs as a non-root user in the final stage', () => {
    const users = finalOps('USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1].args.trim().split(':')[0];
    expect(['root', '0', '']).not.toContain(user);
  });

  it('sets NODE_ENV=production in the final stage', () => {
    const env = Object.assign({}, ...finalOps('ENV').map((e) => envPairs(e.args))) as Record<string, string>;
    expect(env.NODE_ENV).toBe('production');
  });

  it('exposes port 3000', () => {
    expect(finalOps('EXPOSE').map((e) => e.args.trim())).toContain('3000');
  });

  it('has a HEALTHCHECK that asks /health/live with node itself (no curl in slim images)', () => {
    const checks = finalOps('HEALTHCHECK');
    expect(checks).toHaveLength(1);
    const cmd = /\bCMD\s+([\s\S]*)$/.exec(checks[0].args)?.[1] ?? '';
    const argv = execForm(cmd);
    expect(argv?.[0]).toBe('node');
    expect(cmd).toContain('/health/live');
    expect(cmd).toContain('127.0.0.1');
    expect(cmd).not.toMatch(/\b(curl|wget)\b/);
  });

  it('starts node dist/main.js in exec form, without npm, with a bounded young generation', () => {
    const entry = finalOps('ENTRYPOINT');
    const cmd = finalOps('CMD');
    const argv = [
      ...(entry.length ? (execForm(entry[entry.length - 1].args) ?? ['<shell form>']) : []),
      ...(cmd.length ? (execForm(cmd[cmd.length - 1].args) ?? ['<shell form>']) : []),
    ];
    expect(argv).toEqual(['node', '--max-semi-space-size=8', '--heap-growing-percent=50', 'dist/main.js']);
    // CMD rather than ENTRYPOINT, so that `command: [node, dist/simulator/simulator/main.js]` replaces it
    expect(entry).toHaveLength(0);
  });

  it('only COPYs build-context paths that exist in the repository and are not excluded by .dockerignore', () => {
    const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const toRegex = (glob: string): RegExp =>
      new RegExp(
        `^${glob
          .replace(/^\//, '')
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*\//g, '(?:.*/)?')
          .replace(/\*/g, '[^/]*')}(?:/.*)?$`,
      );
    const ignored = (path: string): boolean => {
      let out = false;
      for (const rule of ignore) {
        const negate = rule.startsWith('!');
        if (toRegex(negate ? rule.slice(1) : rule).test(path)) out = !negate;
      }
      return out;
    };
    const sources = stages
      .flatMap((s) => s.instructions)
      .filter((i) => (i.op === 'COPY' || i.op === 'ADD') && !/--from=/.test(i.args))
      .flatMap((i) =>
        i.args
          .split(/\s+/)
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({ source, exists: true });
      expect({ source, ignored: ignored(source) }).toEqual({ source, ignored: false });
    }
    for (const excluded of ['node_modules', 'dist', '.git', 'test', 'coverage', 'bench', 'helm']) {
      expect({ excluded, ignored: ignored(excluded) }).toEqual({ excluded, ignored: true });
    }
  });
});
