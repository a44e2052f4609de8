import { Counter, Gauge } from 'prom-client';
import { CALL_RESULT_REFUSALS, CallResultRefusal, METRICS } from './metric-names';
import { registry } from './metrics';

const received = new Counter({ ...METRICS.callResultsReceived, registers: [registry] });
const duplicates = new Counter({ ...METRICS.callResultDuplicates, registers: [registry] });
const refused = new Counter({ ...METRICS.callResultsRefused, registers: [registry] });
const streamLength = new Gauge({ ...METRICS.callResultStreamLength, registers: [registry] });
const eventStreams = new Gauge({ ...METRICS.callResultEventStreams, registers: [registry] });

for (const reason of CALL_RESULT_REFUSALS) refused.labels(reason).inc(0);

/** The last length seen per VDN stream (at most 9999 entries: one per VDN). */
const lengths = new Map<number, number>();

export function recordCallbackRefused(reason: CallResultRefusal, count = 1): void {
  refused.labels(reason).inc(count);
}

export function recordCallResultsStored(stored: number, duplicate: number): void {
  if (stored > 0) received.inc(stored);
  if (duplicate > 0) duplicates.inc(duplicate);
}

export function recordStreamLength(vdnId: number, length: number): void {
  const before = lengths.get(vdnId) ?? 0;
  lengths.set(vdnId, length);
  streamLength.inc(length - before);
}

export function recordEventStreams(open: number): void {
  eventStreams.set(open);
}
