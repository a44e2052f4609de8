#!/usr/bin/env node
// Where each server's CPU went, from Linux perf's samples of the server core (kernel, V8's builtins
// and runtime, JIT code by package), where a V8 CPU profile sees only JavaScript frames: it files a
// megamorphic property load, a string-table lookup or a system call under the JavaScript function
// that made it. Reads `perf script -F pid,tid,ip,sym,dso` (with call chains) on stdin; names each
// process by the files its JIT frames come from (Node's --perf-basic-prof); prints each main
// thread's shares, and µs per request where the bench's CPU µs per request is given as name=µs.
//   perf script -i perf.data -F pid,tid,ip,sym,dso | node bench/perf-summary.mjs gateway=63 floor-cache=44 [top=25]
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const perRequest = new Map(args.filter((a) => a.includes('=') && !a.startsWith('top=')).map((a) => [a.split('=')[0], Number(a.split('=')[1])]));
const top = Number(args.find((a) => a.startsWith('top='))?.slice(4) ?? 25);

/** What a leaf frame is: the kernel, V8's inline caches, the rest of V8 and Node, or JIT code by package. */
function category(symbol, dso) {
  if (dso.includes('kernel')) return 'kernel';
  if (/perf-\d+\.map/.test(dso)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(symbol);
    if (pkg) return `JS ${pkg[1]}`;
    if (symbol.includes('/dist/')) return 'JS gateway (dist)';
    if (symbol.includes('/bench/')) return 'JS bench server';
    if (symbol.includes(' node:')) return 'JS node internals';
    return symbol.startsWith('RegExp') ? 'regular expressions' : 'JS other';
  }
  if (dso.includes('libc')) return 'libc (system calls)';
  if (/^Builtins_\w*(IC|ICTrampoline)(_\w+)?$/.test(symbol)) return /Megamorphic/.test(symbol) ? 'V8 megamorphic ICs' : 'V8 other ICs';
  if (symbol.startsWith('Builtins_')) return 'V8 builtins';
  if (/Scaveng|MarkCompact|Marking|Sweep|Evacuat|Heap::|NewSpace|LocalHeap|Allocat/.test(symbol)) return 'V8 GC and allocation';
  if (symbol.includes('StringTable')) return 'V8 string table';
  if (symbol.startsWith('v8::')) return 'V8 runtime';
  return /node::|uv_|llhttp/.test(symbol) ? 'Node C++, libuv, llhttp' : 'other native';
}

const processes = new Map(); // pid -> { name, main: Map(category -> n), leaves: Map(symbol -> n), callers: Map, mainTotal, others }
const processOf = (pid) => {
  let p = processes.get(pid);
  if (!p) processes.set(pid, (p = { name: undefined, main: new Map(), leaves: new Map(), callers: new Map(), mainTotal: 0, others: 0 }));
  return p;
};
const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const frame = (line) => {
  const m = /^\s*[0-9a-f]+ (.*) \((.*)\)$/.exec(line);
  return m ? { symbol: m[1], dso: m[2] } : { symbol: line.trim(), dso: '' };
};
/** `floor-cache`, `bare-proxy`, ... from a bench server's file name; `gateway` from the build's. */
const nameFrom = (symbol) => {
  const bench = /\/bench\/((?:floor|bare)-\w+)-server/.exec(symbol);
  if (bench) return bench[1];
  return symbol.includes('/dist/') ? 'gateway' : undefined;
};

let sample = null;
const finish = () => {
  if (!sample || sample.frames.length === 0) return;
  const p = processOf(sample.pid);
  if (sample.pid !== sample.tid) return void p.others++;
  const leaf = sample.frames[0];
  p.mainTotal++;
  bump(p.main, category(leaf.symbol, leaf.dso));
  bump(p.leaves, leaf.symbol);
  const js = sample.frames.find((f) => /perf-\d+\.map/.test(f.dso));
  if (js && !/perf-\d+\.map/.test(leaf.dso)) bump(p.callers, `${leaf.symbol}  <-  ${js.symbol.replace(/^JS:[*^+~']*/, '')}`);
  for (const f of sample.frames) p.name ??= nameFrom(f.symbol);
};
for await (const line of createInterface({ input: process.stdin })) {
  const head = /^\s*(\d+)\/(\d+)\s*$/.exec(line);
  if (head) {
    finish();
    sample = { pid: head[1], tid: head[2], frames: [] };
  } else if (sample && line.trim()) sample.frames.push(frame(line));
}
finish();

const sorted = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
for (const [pid, p] of [...processes].filter(([, p]) => p.name).sort((a, b) => b[1].mainTotal - a[1].mainTotal)) {
  const us = perRequest.get(p.name);
  const show = (n) => `${((100 * n) / p.mainTotal).toFixed(1).padStart(5)} %${us ? `  ${((us * n) / p.mainTotal).toFixed(2).padStart(6)} µs` : ''}`;
  console.log(`\n${p.name} (pid ${pid}): ${p.mainTotal} main-thread samples, ${p.others} on its other threads${us ? `; µs at ${us} µs per request` : ''}`);
  for (const [c, n] of sorted(p.main, 99)) console.log(`  ${show(n)}  ${c}`);
  console.log('  top leaves:');
  for (const [s, n] of sorted(p.leaves, top)) console.log(`  ${show(n)}  ${s}`);
  console.log('  native leaves by their JavaScript caller:');
  for (const [s, n] of sorted(p.callers, top)) console.log(`  ${show(n)}  ${s}`);
}
