/**
 * A small interpreter for the subset of Go templates (text/template + the few Sprig functions) that
 * the isales-gateway Helm chart uses, so that the chart can be rendered and its output parsed in
 * jest, without a helm binary.
 *
 * It follows Helm where that matters for catching chart bugs:
 * - values are JSON-like: every number from values is a float64 (a JS number here) and prints the
 *   way Go prints a float64 (1000000 -> "1e+06"); `int` and integer literals give Go ints (bigint
 *   here), which print as plain integers;
 * - comparing an int with a float64 (`gt .Values.n 0`) is an error, as in Go;
 * - truthiness: false, 0, nil, "" and empty lists and maps are false;
 * - `required` fails on nil and "", not on empty lists; `fail` fails; a field of nil is an error;
 * - `{{-` and `-}}` trim whitespace; template comments (slash-star ... star-slash) are dropped.
 * Methods are JS functions in the data (the chart's `.Files.Get`).
 * Anything outside the subset (unknown function, unclosed block) throws, so a chart
 * change that needs more shows up as a test failure rather than as a silent misrender.
 */
import { createHash } from 'node:crypto';

interface YamlModule {
  load(text: string): unknown;
  dump(value: unknown, options?: Record<string, unknown>): string;
}
// js-yaml ships with @nestjs/swagger; it has no type declarations here.
const yaml = require('js-yaml') as YamlModule;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

type Value = unknown;

// ---------------------------------------------------------------------------------------------
// Lexing: the source becomes text and actions; an action is a list of tokens.

type Token =
  | { t: 'str'; v: string }
  | { t: 'int'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'nil' }
  | { t: 'ident'; v: string }
  | { t: 'field'; path: string[] }
  | { t: 'var'; name: string; path: string[] }
  | { t: 'dot' }
  | { t: 'lp' }
  | { t: 'rp' }
  | { t: 'pipe' }
  | { t: 'decl' }
  | { t: 'assign' }
  | { t: 'comma' };

type Item = { k: 'text'; s: string } | { k: 'action'; toks: Token[]; where: string };

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function lex(src: string, file: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  let trimNext = false;
  let lineNo = 1;
  let lineAt = 0;
  const line = (at: number): number => {
    for (; lineAt < at; lineAt++) if (src.charCodeAt(lineAt) === 10) lineNo++;
    return lineNo;
  };
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    trimNext = false;
    if (open < 0) {
      if (text) items.push({ k: 'text', s: text });
      break;
    }
    let j = open + 2;
    if (src[j] === '-' && isSpace(src[j + 1])) {
      text = text.replace(/[ \t\r\n]+$/, '');
      j += 2;
    }
    if (text) items.push({ k: 'text', s: text });
    const where = `${file}:${line(open)}`;
    while (isSpace(src[j])) j++;
    if (src.startsWith('/*', j)) {
      const endComment = src.indexOf('*/', j + 2);
      if (endComment < 0) throw new TemplateError(`${where}: unclosed comment`);
      j = endComment + 2;
      while (isSpace(src[j])) j++;
      if (src[j] === '-' && src.startsWith('}}', j + 1)) {
        trimNext = true;
        j += 1;
      }
      if (!src.startsWith('}}', j)) throw new TemplateError(`${where}: comment must end the action`);
      i = j + 2;
      continue;
    }
    const toks: Token[] = [];
    for (;;) {
      while (isSpace(src[j])) j++;
      if (j >= src.length) throw new TemplateError(`${where}: unclosed action`);
      if (src.startsWith('}}', j)) {
        i = j + 2;
        break;
      }
      if (src[j] === '-' && src.startsWith('}}', j + 1) && isSpace(src[j - 1])) {
        trimNext = true;
        i = j + 3;
        break;
      }
      const c = src[j];
      if (c === '"') {
        let k = j + 1;
        while (k < src.length && src[k] !== '"') k += src[k] === '\\' ? 2 : 1;
        toks.push({ t: 'str', v: JSON.parse(src.slice(j, k + 1)) as string });
        j = k + 1;
      } else if (c === '`') {
        const k = src.indexOf('`', j + 1);
        toks.push({ t: 'str', v: src.slice(j + 1, k) });
        j = k + 1;
      } else if (c === '(') {
        toks.push({ t: 'lp' });
        j++;
      } else if (c === ')') {
        toks.push({ t: 'rp' });
        j++;
      } else if (c === '|') {
        toks.push({ t: 'pipe' });
        j++;
      } else if (c === ',') {
        toks.push({ t: 'comma' });
        j++;
      } else if (src.startsWith(':=', j)) {
        toks.push({ t: 'decl' });
        j += 2;
      } else if (c === '=') {
        toks.push({ t: 'assign' });
        j++;
      } else {
        const m = /^(?:\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*|\.(?:[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)?|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(j));
        if (!m) throw new TemplateError(`${where}: unexpected ${JSON.stringify(src.slice(j, j + 10))}`);
        const w = m[0];
        if (w.startsWith('$')) {
          const [name, ...path] = w.split('.');
          toks.push({ t: 'var', name, path });
        } else if (w === '.') toks.push({ t: 'dot' });
        else if (w.startsWith('.')) toks.push({ t: 'field', path: w.slice(1).split('.') });
        else if (/^-?\d/.test(w)) toks.push(w.includes('.') ? { t: 'float', v: Number(w) } : { t: 'int', v: BigInt(w) });
        else if (w === 'true' || w === 'false') toks.push({ t: 'bool', v: w === 'true' });
        else if (w === 'nil') toks.push({ t: 'nil' });
        else toks.push({ t: 'ident', v: w });
        j += w.length;
      }
    }
    items.push({ k: 'action', toks, where });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Operand =
  | { k: 'lit'; v: Value }
  | { k: 'field'; path: string[] }
  | { k: 'var'; name: string; path: string[] }
  | { k: 'dot' }
  | { k: 'fn'; name: string }
  | { k: 'sub'; pipe: Pipe };
type Command = Operand[];
interface Pipe {
  decl?: { names: string[]; assign: boolean };
  cmds: Command[];
  where: string;
}
type Node =
  | { k: 'text'; s: string }
  | { k: 'action'; pipe: Pipe }
  | { k: 'if'; branches: { pipe: Pipe; body: Node[] }[]; els?: Node[] }
  | { k: 'range'; pipe: Pipe; body: Node[]; els?: Node[] }
  | { k: 'with'; pipe: Pipe; body: Node[]; els?: Node[] }
  | { k: 'template'; name: string; pipe?: Pipe; where: string };

function parsePipe(toks: Token[], where: string): Pipe {
  let pos = 0;
  let decl: Pipe['decl'];
  // `$a, $b :=` or `$a :=` or `$a =`
  const names: string[] = [];
  let k = 0;
  while (toks[k]?.t === 'var' && (toks[k + 1]?.t === 'comma' || toks[k + 1]?.t === 'decl' || toks[k + 1]?.t === 'assign')) {
    names.push((toks[k] as { name: string }).name);
    if (toks[k + 1].t === 'comma') {
      k += 2;
      continue;
    }
    decl = { names, assign: toks[k + 1].t === 'assign' };
    pos = k + 2;
    break;
  }

  function operand(): Operand {
    const tok = toks[pos++];
    switch (tok?.t) {
      case 'str':
      case 'int':
      case 'float':
      case 'bool':
        return { k: 'lit', v: tok.v };
      case 'nil':
        return { k: 'lit', v: null };
      case 'field':
        return { k: 'field', path: tok.path };
      case 'var':
        return { k: 'var', name: tok.name, path: tok.path };
      case 'dot':
        return { k: 'dot' };
      case 'ident':
        return { k: 'fn', name: tok.v };
      case 'lp': {
        const sub = pipeline(true);
        if (toks[pos++]?.t !== 'rp') throw new TemplateError(`${where}: missing )`);
        return { k: 'sub', pipe: sub };
      }
      default:
        throw new TemplateError(`${where}: unexpected token ${tok ? tok.t : 'end'}`);
    }
  }

  function pipeline(inParens: boolean): Pipe {
    const cmds: Command[] = [];
    let cmd: Command = [];
    while (pos < toks.length) {
      const t = toks[pos].t;
      if (t === 'rp') {
        if (!inParens) throw new TemplateError(`${where}: unexpected )`);
        break;
      }
      if (t === 'pipe') {
        if (cmd.length === 0) throw new TemplateError(`${where}: empty command`);
        cmds.push(cmd);
        cmd = [];
        pos++;
        continue;
      }
      cmd.push(operand());
    }
    if (cmd.length === 0) throw new TemplateError(`${where}: empty command`);
    cmds.push(cmd);
    return { cmds, where };
  }

  const pipe = pipeline(false);
  if (pos !== toks.length) throw new TemplateError(`${where}: trailing tokens`);
  pipe.decl = decl;
  return pipe;
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block']);

function parse(items: Item[], defines: Map<string, Node[]>): Node[] {
  let pos = 0;
  const keyword = (item: Item): string | undefined =>
    item.k === 'action' && item.toks[0]?.t === 'ident' && KEYWORDS.has(item.toks[0].v) ? item.toks[0].v : undefined;

  /** Parses nodes until one of the stop keywords; returns them and the stopping item. */
  function list(stops: string[]): { nodes: Node[]; stop?: Item & { k: 'action' } } {
    const nodes: Node[] = [];
    while (pos < items.length) {
      const item = items[pos++];
      if (item.k === 'text') {
        nodes.push({ k: 'text', s: item.s });
        continue;
      }
      const kw = keyword(item);
      if (kw && stops.includes(kw)) return { nodes, stop: item };
      const rest = item.toks.slice(1);
      switch (kw) {
        case undefined:
          nodes.push({ k: 'action', pipe: parsePipe(item.toks, item.where) });
          break;
        case 'if': {
          const branches: { pipe: Pipe; body: Node[] }[] = [];
          let cond = parsePipe(rest, item.where);
          let els: Node[] | undefined;
          for (;;) {
            const { nodes: body, stop } = list(['else', 'end']);
            if (!stop) throw new TemplateError(`${item.where}: if without end`);
            branches.push({ pipe: cond, body });
            if (keyword(stop) === 'end') break;
            const after = stop.toks.slice(1);
            if (after[0]?.t === 'ident' && after[0].v === 'if') {
              cond = parsePipe(after.slice(1), stop.where);
              continue;
            }
            const tail = list(['end']);
            if (!tail.stop) throw new TemplateError(`${item.where}: if without end`);
            els = tail.nodes;
            break;
          }
          nodes.push({ k: 'if', branches, els });
          break;
        }
        case 'range':
        case 'with': {
          const pipe = parsePipe(rest, item.where);
          const { nodes: body, stop } = list(['else', 'end']);
          if (!stop) throw new TemplateError(`${item.where}: ${kw} without end`);
          let els: Node[] | undefined;
          if (keyword(stop) === 'else') {
            const tail = list(['end']);
            if (!tail.stop) throw new TemplateError(`${item.where}: ${kw} without end`);
            els = tail.nodes;
          }
          nodes.push({ k: kw, pipe, body, els });
          break;
        }
        case 'define': {
          const name = rest[0];
          if (name?.t !== 'str') throw new TemplateError(`${item.where}: define needs a name`);
          const { nodes: body, stop } = list(['end']);
          if (!stop) throw new TemplateError(`${item.where}: define without end`);
          defines.set(name.v, body);
          break;
        }
        case 'template': {
          const name = rest[0];
          if (name?.t !== 'str') throw new TemplateError(`${item.where}: template needs a name`);
          nodes.push({ k: 'template', name: name.v, pipe: rest.length > 1 ? parsePipe(rest.slice(1), item.where) : undefined, where: item.where });
          break;
        }
        default:
          throw new TemplateError(`${item.where}: unexpected {{${kw}}}`);
      }
    }
    return { nodes };
  }

  const { nodes, stop } = list([]);
  if (stop) throw new TemplateError(`${stop.where}: unexpected ${keyword(stop)}`);
  return nodes;
}

// ---------------------------------------------------------------------------------------------
// Values as Go sees them

function truth(v: Value): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** fmt's %v of a float64: shortest digits, exponent form from 1e+06 up or below 1e-04. */
function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) {
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(n);
}

/** fmt's %v. */
export function goString(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, Value>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goString(o[k])}`).join(' ')}]`;
  }
  return String(v);
}

function kind(v: Value): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'slice' : 'map';
}

function compare(name: string, a: Value, b: Value): number {
  const ka = kind(a);
  const kb = kind(b);
  if (ka !== kb || !['int', 'float', 'string'].includes(ka)) {
    throw new TemplateError(`${name}: incompatible types for comparison (${ka} and ${kb})`);
  }
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

function goEq(a: Value, b: Value): boolean {
  const ka = kind(a);
  const kb = kind(b);
  if (ka === 'nil' || kb === 'nil') return ka === kb;
  if (ka !== kb) throw new TemplateError(`eq: incompatible types for comparison (${ka} and ${kb})`);
  if (ka === 'slice' || ka === 'map') throw new TemplateError('eq: uncomparable type');
  return a === b;
}

function toInt(v: Value): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return BigInt(v.trim());
  return 0n;
}

function toNumber(v: Value): number {
  return typeof v === 'bigint' ? Number(v) : Number(v);
}

function sprigEmpty(v: Value): boolean {
  return !truth(v);
}

function indent(n: Value, s: Value): string {
  const pad = ' '.repeat(toNumber(n));
  return pad + goString(s).replace(/\n/g, `\n${pad}`);
}

function printf(format: string, args: Value[]): string {
  let a = 0;
  return format.replace(/%([%sdvq])/g, (_m, verb: string) => {
    if (verb === '%') return '%';
    const v = args[a++];
    if (verb === 'q') return JSON.stringify(goString(v));
    if (verb === 'd') return String(toInt(v));
    return goString(v);
  });
}

/** Go's encoding/json as Helm's toJson uses it: compact, map keys sorted. */
function toJson(v: Value): string {
  const sorted = (x: Value): Value =>
    Array.isArray(x) ? x.map(sorted) : x && typeof x === 'object' ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted((x as Record<string, Value>)[k])])) : x;
  return JSON.stringify(sorted(v)) ?? 'null';
}

function toYaml(v: Value): string {
  const plain = JSON.parse(JSON.stringify(v ?? null, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x))) as unknown;
  return yaml.dump(plain, { sortKeys: true, lineWidth: -1, noRefs: true }).replace(/\n$/, '');
}

// ---------------------------------------------------------------------------------------------
// Execution

interface Scope {
  vars: { name: string; value: Value }[];
}

export class ChartTemplates {
  private readonly defines = new Map<string, Node[]>();
  private depth = 0;

  /** Adds a file: its defines, and the file itself as a template named by its path. */
  add(name: string, source: string): void {
    this.defines.set(name, parse(lex(source, name), this.defines));
  }

  /** Renders a named template (a file path or a define) with `data` as dot and as $. */
  render(name: string, data: Value): string {
    const body = this.defines.get(name);
    if (!body) throw new TemplateError(`no template "${name}"`);
    if (++this.depth > 50) throw new TemplateError(`template recursion too deep at "${name}"`);
    try {
      return this.exec(body, data, { vars: [{ name: '$', value: data }] });
    } finally {
      this.depth--;
    }
  }

  private exec(nodes: Node[], dot: Value, scope: Scope): string {
    let out = '';
    const mark = scope.vars.length;
    for (const node of nodes) {
      switch (node.k) {
        case 'text':
          out += node.s;
          break;
        case 'action': {
          const v = this.pipe(node.pipe, dot, scope);
          if (!node.pipe.decl) out += goString(v);
          break;
        }
        case 'if': {
          const branch = node.branches.find((b) => truth(this.pipe(b.pipe, dot, scope)));
          const body = branch ? branch.body : node.els;
          if (body) out += this.block(body, dot, scope);
          break;
        }
        case 'with': {
          const v = this.pipe({ ...node.pipe, decl: undefined }, dot, scope);
          if (truth(v)) out += this.block(node.body, v, scope, node.pipe.decl?.names.map((n) => ({ name: n, value: v })));
          else if (node.els) out += this.block(node.els, dot, scope);
          break;
        }
        case 'range': {
          const v = this.pipe({ ...node.pipe, decl: undefined }, dot, scope);
          const names = node.pipe.decl?.names ?? [];
          let entries: [Value, Value][];
          if (v === null || v === undefined) entries = [];
          else if (Array.isArray(v)) entries = v.map((x, i) => [BigInt(i), x]);
          else if (typeof v === 'object') entries = Object.keys(v).sort().map((k) => [k, (v as Record<string, Value>)[k]]);
          else throw new TemplateError(`${node.pipe.where}: range can't iterate over ${goString(v)}`);
          if (entries.length === 0) {
            if (node.els) out += this.block(node.els, dot, scope);
            break;
          }
          for (const [key, elem] of entries) {
            const vars = names.length === 2 ? [{ name: names[0], value: key }, { name: names[1], value: elem }] : names.map((n) => ({ name: n, value: elem }));
            out += this.block(node.body, elem, scope, vars);
          }
          break;
        }
        case 'template':
          out += this.render(node.name, node.pipe ? this.pipe(node.pipe, dot, scope) : null);
          break;
      }
    }
    scope.vars.length = mark;
    return out;
  }

  private block(nodes: Node[], dot: Value, scope: Scope, vars: { name: string; value: Value }[] = []): string {
    const mark = scope.vars.length;
    scope.vars.push(...vars);
    try {
      return this.exec(nodes, dot, scope);
    } finally {
      scope.vars.length = mark;
    }
  }

  private pipe(pipe: Pipe, dot: Value, scope: Scope): Value {
    let piped: { v: Value } | undefined;
    for (const cmd of pipe.cmds) piped = { v: this.command(cmd, dot, scope, piped, pipe.where) };
    const v = piped?.v;
    if (pipe.decl) {
      const [name] = pipe.decl.names;
      if (pipe.decl.assign) {
        const found = [...scope.vars].reverse().find((x) => x.name === name);
        if (!found) throw new TemplateError(`${pipe.where}: undefined variable ${name}`);
        found.value = v;
      } else {
        scope.vars.push({ name, value: v });
      }
    }
    return v;
  }

  private operand(op: Operand, dot: Value, scope: Scope, where: string): Value {
    switch (op.k) {
      case 'lit':
        return op.v;
      case 'dot':
        return dot;
      case 'field':
        return field(dot, op.path, where);
      case 'var': {
        const found = [...scope.vars].reverse().find((x) => x.name === op.name);
        if (!found) throw new TemplateError(`${where}: undefined variable ${op.name}`);
        return field(found.value, op.path, where);
      }
      case 'sub':
        return this.pipe(op.pipe, dot, scope);
      case 'fn':
        return this.call(op.name, [], where);
    }
  }

  private command(cmd: Command, dot: Value, scope: Scope, piped: { v: Value } | undefined, where: string): Value {
    const [head, ...rest] = cmd;
    if (head.k !== 'fn') {
      const v = this.operand(head, dot, scope, where);
      // A method of the top-level object, as Helm's `.Files.Get "path"`.
      if (typeof v === 'function') return v(...rest.map((op) => this.operand(op, dot, scope, where)), ...(piped ? [piped.v] : []));
      if (rest.length > 0 || piped) throw new TemplateError(`${where}: can't give arguments to a non-function`);
      return v;
    }
    const lazy = (i: number): Value => (i < rest.length ? this.operand(rest[i], dot, scope, where) : piped!.v);
    const argc = rest.length + (piped ? 1 : 0);
    if (head.name === 'and' || head.name === 'or') {
      let v: Value;
      for (let i = 0; i < argc; i++) {
        v = lazy(i);
        if (head.name === 'and' ? !truth(v) : truth(v)) return v;
      }
      return v;
    }
    const args: Value[] = [];
    for (let i = 0; i < argc; i++) args.push(lazy(i));
    return this.call(head.name, args, where);
  }

  private call(name: string, args: Value[], where: string): Value {
    const need = (n: number): void => {
      if (args.length !== n) throw new TemplateError(`${where}: ${name} wants ${n} arguments, got ${args.length}`);
    };
    switch (name) {
      case 'include':
        need(2);
        return this.render(goString(args[0]), args[1]);
      case 'required':
        need(2);
        if (args[1] === null || args[1] === undefined || args[1] === '') throw new TemplateError(`required: ${goString(args[0])}`);
        return args[1];
      case 'fail':
        need(1);
        throw new TemplateError(`fail: ${goString(args[0])}`);
      case 'default':
        if (args.length < 1) need(1);
        return args.length < 2 || sprigEmpty(args[1]) ? args[0] : args[1];
      case 'empty':
        need(1);
        return sprigEmpty(args[0]);
      case 'not':
        need(1);
        return !truth(args[0]);
      case 'eq':
        if (args.length < 2) need(2);
        return args.slice(1).some((b) => goEq(args[0], b));
      case 'ne':
        need(2);
        return !goEq(args[0], args[1]);
      case 'lt':
        need(2);
        return compare(name, args[0], args[1]) < 0;
      case 'le':
        need(2);
        return compare(name, args[0], args[1]) <= 0;
      case 'gt':
        need(2);
        return compare(name, args[0], args[1]) > 0;
      case 'ge':
        need(2);
        return compare(name, args[0], args[1]) >= 0;
      case 'quote':
        return args.filter((a) => a !== null && a !== undefined).map((a) => JSON.stringify(goString(a))).join(' ');
      case 'int':
        need(1);
        return toInt(args[0]);
      case 'toString':
        need(1);
        return goString(args[0]);
      case 'toYaml':
        need(1);
        return toYaml(args[0]);
      case 'toJson':
        need(1);
        return toJson(args[0]);
      case 'indent':
        need(2);
        return indent(args[0], args[1]);
      case 'nindent':
        need(2);
        return `\n${indent(args[0], args[1])}`;
      case 'trunc': {
        need(2);
        const n = toNumber(args[0]);
        const s = goString(args[1]);
        if (n < 0) return s.length + n > 0 ? s.slice(s.length + n) : s;
        return s.length > n ? s.slice(0, n) : s;
      }
      case 'trimSuffix': {
        need(2);
        const suffix = goString(args[0]);
        const s = goString(args[1]);
        return suffix && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s;
      }
      case 'replace':
        need(3);
        return goString(args[2]).split(goString(args[0])).join(goString(args[1]));
      case 'contains':
        need(2);
        return goString(args[1]).includes(goString(args[0]));
      case 'printf':
        if (args.length < 1) need(1);
        return printf(goString(args[0]), args.slice(1));
      case 'print': {
        let out = '';
        args.forEach((a, i) => {
          if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
          out += goString(a);
        });
        return out;
      }
      case 'join': {
        need(2);
        const list = args[1];
        const items = list === null || list === undefined ? [] : Array.isArray(list) ? list : [list];
        return items.filter((x) => x !== null && x !== undefined).map(goString).join(goString(args[0]));
      }
      case 'sha256sum':
        need(1);
        return createHash('sha256').update(goString(args[0])).digest('hex');
      case 'b64enc':
        need(1);
        return Buffer.from(goString(args[0])).toString('base64');
      default:
        throw new TemplateError(`${where}: function "${name}" not defined (not in this renderer's subset)`);
    }
  }
}

function field(v: Value, path: string[], where: string): Value {
  let cur = v;
  for (const key of path) {
    if (cur === null || cur === undefined) throw new TemplateError(`${where}: nil pointer evaluating .${key}`);
    if (typeof cur !== 'object' || Array.isArray(cur)) throw new TemplateError(`${where}: can't evaluate field ${key} in ${kind(cur)}`);
    cur = (cur as Record<string, Value>)[key];
  }
  return cur;
}

/** Helm's value merge: maps merge key by key, anything else replaces. */
export function mergeValues(base: Value, over: Value): Value {
  if (over === undefined) return base;
  const isMap = (x: Value): x is Record<string, Value> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isMap(base) || !isMap(over)) return over;
  const out: Record<string, Value> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeValues(base[k], v);
  return out;
}
