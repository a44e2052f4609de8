import { setTimeout as pause } from 'node:timers/promises';

/**
 * Polls `condition` until it holds. The one place a test may pause (test/support/deterministic-tests.spec.ts):
 * it waits for something to happen, never for time to pass, and its bound, generous because the
 * machine is shared, only turns a hang into a failure that names `what` (it is never a timing assertion).
 */
export async function eventually(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 15000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await pause(everyMs);
  }
}
