import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * House rule (the team's style guide, "use a library through its front door"): libraries are used through their public API. A reach into
 * a library's private symbols, internal fields or unexported files works until an upgrade changes
 * them, and then breaks the log line or the metrics silently. This scan fails the build instead.
 */
const FORBIDDEN: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /\bsymbols\b[^\n]*\bfrom\s+['"]pino['"]|\bpino\s*\.\s*symbols\b|\[\s*['"]symbols['"]\s*\]/, why: "pino's private symbols" },
  { pattern: /Symbol\.for\(\s*['"`](pino|fastify|undici|prom-client|nestjs|ioredis|cockatiel)/i, why: "a library's registered private symbol" },
  { pattern: /getOwnPropertySymbols\s*\(/, why: "an object's symbol-keyed (private) fields" },
  {
    pattern:
      /\[\s*k[A-Z][A-Za-z]*Sym(bol)?\s*\]|\[\s*k(State|Hooks|Routes|Schemas|Children|Request|Reply|Options|Handler|Dispatch|Socket|Client|Pool|Url|Body|Headers|Queue|Running|Pending|Closed|Destroyed)\b[^\]]*\]/,
    why: "a library's kXxx private symbol (fastify, undici)",
  },
  { pattern: /\b\w+Sym\b\s*[,}]?[^\n]*=\s*pino\b|\[\s*\w+Sym\s*\]/, why: "pino's xxxSym private symbols" },
  { pattern: /\bhash[M]ap\b|\bupperBounds\b|\bbucketValues\b|\bsortedLabelNames\b/, why: "prom-client's internal maps" },
  {
    pattern: /from\s+['"](pino|fastify|undici|prom-client|sonic-boom|@nestjs\/[\w-]+|ioredis|cockatiel|nestjs-pino)\/(lib|dist|src|internal)\//,
    why: "a library's unexported file",
  },
  { pattern: /require\(\s*['"](pino|fastify|undici|prom-client|sonic-boom|ioredis|cockatiel)\/(lib|dist|src)\//, why: "a library's unexported file" },
  { pattern: /\.\s*_(?!_)[a-zA-Z]\w*/, why: "an underscore-prefixed (private) field, such as a socket's _handle" },
];

export function findInternals(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, index) => {
    for (const { pattern, why } of FORBIDDEN) if (pattern.test(line)) found.push(`${index + 1}: ${why}: ${line.trim()}`);
  });
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && path !== __filename ? [path] : [];
  });
}

describe('libraries are used through their front door', () => {
  it('nothing under src/ reads a library private symbol, internal field or unexported file', () => {
    const found = sources(__dirname).flatMap((path) => findInternals(readFileSync(path, 'utf8')).map((hit) => `${relative(__dirname, path)}:${hit}`));
    expect(found).toEqual([]);
  });

  // The samples are split where the whole text would itself be what a plain grep for these internals finds.
  it.each([
    ['pino symbols destructured', 'const { chindingsSym, streamSym } = pino.' + 'symbols as unknown as Record<string, symbol>;'],
    ['a symbol read off a logger', 'const stream = internals[streamSym] as { write?: unknown };'],
    ['pino symbols imported', "import { symbols } from 'pino';"],
    ['a registered symbol', "const serializers = logger[Symbol.for('" + "pino.serializers')];"],
    ["prom-client's series map", 'const series = internals.hash' + 'Map;'],
    ["prom-client's bucket bounds", 'const bounds = histogram.upperBounds!;'],
    ["fastify's private state", 'if (fastify[kState].closing) return;'],
    ["undici's private files", "import { kRunning } from 'undici/lib/core/symbols';"],
    ["fastify's private files", "const { kRouteContext } = require('fastify/lib/symbols');"],
    ['an underscore field', 'const handle = socket._handle;'],
    ['symbols listed', 'for (const sym of Object.getOwnPropertySymbols(reply)) read(sym);'],
  ])('catches %s', (_name, line) => {
    expect(findInternals(line)).not.toEqual([]);
  });

  it.each([
    ['a public pino call', "logger.child({}, { level: 'info' }).info({ status: 200 }, 'request completed');"],
    ['a bound prom-client child', "histogram.labels('GET', '/x', '200').observe(0.1);"],
    ['a public fastify call', "fastify.addHook('onRequest', (request, reply, done) => done());"],
    ['a private field of our own', 'this.pending += line;'],
  ])('lets %s through', (_name, line) => {
    expect(findInternals(line)).toEqual([]);
  });
});
