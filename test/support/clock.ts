/**
 * Jest's modern fake timers with only the clock faked: `Date` and `performance.now()` move when the
 * test says so, while timers, sockets and child processes run for real (a gateway, a simulator or a
 * redis-server under test still answers). A TTL, a breaker's half-open delay or a token bucket's
 * refill then passes in no time and the same way on a busy machine: time is a parameter, never a sleep.
 */
export function fakeClock(): { advance(ms: number): void; restore(): void } {
  jest.useFakeTimers({
    now: Date.now(),
    doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime'],
  });
  return {
    advance: (ms) => jest.advanceTimersByTime(ms),
    restore: () => jest.useRealTimers(),
  };
}
