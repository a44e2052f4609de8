#!/usr/bin/env node
// Where a CPU profile's time went: self time by package (or node internals) and the top functions,
// as shares of the busy (non-idle) time, leaving out the first `skip` seconds (start-up).
//   node bench/profile-summary.mjs bench/results/prof/CPU.*.cpuprofile [top=25] [skip=5]
import { readFileSync } from 'node:fs';

const [file, topArg, skipArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const skipUs = Number(skipArg ?? 5) * 1e6;
const selfUs = new Map();
let at = 0;
let idleUs = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (at < skipUs) continue;
  if (byId.get(id).callFrame.functionName === '(idle)') idleUs += delta;
  else selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** node_modules/<pkg> (scoped too), dist/<dir> for the gateway's own code, or the category V8 gives. */
function owner({ url, functionName }) {
  if (!url) return `(${functionName || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const own = /\/dist\/(?:src\/)?([^/]+)/.exec(url);
  return own ? `gateway:${own[1]}` : url;
}

const byOwner = new Map();
const byFunction = new Map();
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id);
  const o = owner(callFrame);
  byOwner.set(o, (byOwner.get(o) ?? 0) + us);
  const where = callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/');
  const fn = `${callFrame.functionName || '(anonymous)'} ${callFrame.url ? `${where}:${callFrame.lineNumber + 1}` : ''}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(
  `${file}: ${(total / 1e6).toFixed(1)} s busy, ${(idleUs / 1e6).toFixed(1)} s idle (after the first ${skipUs / 1e6} s)\n\nshare of busy time by owner`,
);
for (const [o, us] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${o}`);
console.log('\nshare of busy time by function');
for (const [f, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${f}`);
