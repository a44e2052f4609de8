// Pooling of measured slices, percentiles and the printed table.

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function addCounts(into, from) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** Pools the slices of one target: req/s over the measured time, latency percentiles over all responses. */
export function pool(slices) {
  const total = { ok: 0, errors: 0, requests: 0, bytes: 0, measuredS: 0, statuses: {}, cacheStates: {} };
  const latencies = new Float64Array(slices.reduce((n, s) => n + s.latencies.length, 0));
  let at = 0;
  for (const s of slices) {
    total.ok += s.ok;
    total.errors += s.errors;
    total.requests += s.requests;
    total.bytes += s.bytes;
    total.measuredS += s.elapsedMs / 1000;
    addCounts(total.statuses, s.statuses);
    addCounts(total.cacheStates, s.cacheStates);
    latencies.set(s.latencies, at);
    at += s.latencies.length;
  }
  latencies.sort();
  let sum = 0;
  for (const l of latencies) sum += l;
  return {
    ...total,
    rps: total.ok / total.measuredS,
    perSliceRps: slices.map((s) => s.ok / (s.elapsedMs / 1000)),
    latencyMs: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies.length ? latencies[latencies.length - 1] : null,
      mean: latencies.length ? sum / latencies.length : null,
    },
  };
}

export function fmt(value, digits = 2) {
  return value === null || value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);
}

function printColumns(header, lines, numeric) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
}

/** One line per case and target: saturated req/s, latency and CPU per request, then the same at the offered rate. */
export function printTable(rows) {
  const header = ['case', 'target', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'offered', 'p99 ms', 'CPU µs/req', 'peak RSS MB', 'errors', 'x-cache'];
  const lines = rows.map((r) => [
    r.case,
    r.target,
    fmt(r.rps, 0),
    fmt(r.latencyMs.p50),
    fmt(r.latencyMs.p99),
    fmt(r.cpuUsPerRequest, 1),
    r.paced ? `${fmt(r.paced.achievedRps, 0)}/${r.paced.rate}` : '-',
    fmt(r.paced?.latencyMs.p99),
    fmt(r.paced?.cpuUsPerRequest, 1),
    fmt(r.peakRssMb, 0),
    String(r.errors + (r.paced?.errors ?? 0)),
    Object.entries(r.cacheStates)
      .map(([k, v]) => `${k}:${v}`)
      .join(' '),
  ]);
  console.log('                                  saturated (closed loop)               at the same offered rate (open loop)');
  printColumns(header, lines, new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]));
}

/** The median and range of per-round ratios. */
function spread(rounds) {
  if (rounds.length === 0) return 'no rounds';
  return `rounds: median ${fmt(median(rounds))}, ${fmt(Math.min(...rounds))} to ${fmt(Math.max(...rounds))}`;
}

/** The headline per case and gateway: floor CPU / gateway CPU at the offered rate, then the rest. */
export function printRatios(ratios) {
  for (const r of ratios) {
    console.log(
      `${r.case} ${r.gateway}: floor/gateway CPU per request ${fmt(r.cpuFloorOverGateway)} at the offered rate ` +
        `(${spread(r.cpuRatioRounds)}; ` +
        `saturated ${fmt(r.cpuFloorOverGatewaySaturated)}); p99 ${fmt(r.p99OverRaw)}x raw saturated (${fmt(r.pacedP99OverRaw)}x at the offered rate); ` +
        `req/s ${fmt(r.rpsOverFloor)} of floor, ${fmt(r.rpsOverRaw)} of raw (median of rounds); load ${r.load}`,
    );
  }
}
