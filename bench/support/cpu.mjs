// CPU time of a process, from Linux's /proc/<pid>/stat: user + system time of all its threads (the
// libuv pool's log writes included), in clock ticks. The runner turns a difference of two readings
// into CPU microseconds per request.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** utime + stime of `pid` in clock ticks, or null where /proc is not there. */
export function cpuTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: the fields that follow start after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // fields 14 (utime) and 15 (stime)
  } catch {
    return null;
  }
}

let ticksPerSecond;

/** The kernel's clock ticks per second (`getconf CLK_TCK`, 100 on most Linux systems). */
export function clockTicksPerSecond() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU microseconds per request from a tick difference and the requests answered meanwhile. */
export function cpuMicrosPerRequest(ticks, requests) {
  if (ticks === null || !requests) return null;
  return (ticks / clockTicksPerSecond() / requests) * 1e6;
}
