import type { IncomingHttpHeaders } from 'node:http';
import type { SimulatorRequestLog } from './types';

export const REQUEST_LOG_CAP = 10_000;

/** Headers as received, except that the credential-bearing Authorization value never gets stored. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    copy[name] = name === 'authorization' ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return copy;
}

/** Every iSales request, newest last, keeping the latest `cap` entries. */
export class RequestLog {
  private readonly entries: SimulatorRequestLog[] = [];

  constructor(private readonly cap = REQUEST_LOG_CAP) {}

  add(entry: SimulatorRequestLog): SimulatorRequestLog {
    this.entries.push(entry);
    if (this.entries.length > this.cap) this.entries.splice(0, this.entries.length - this.cap);
    return entry;
  }

  snapshot(): SimulatorRequestLog[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries.length = 0;
  }
}
