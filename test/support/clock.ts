/**
 * Jest's modern fake timers with only `Date` faked: the wall clock moves when the test says so, while
 * timers, the monotonic `performance` clock (attempt deadlines, token schedules), sockets and child processes run
 * for real, so a gateway, a simulator or a redis-server under test still answers. A cache TTL, a
 * JWKS cooldown or a breaker's half-open delay then passes in no time and the same way on a busy
 * machine: time is a parameter, never a sleep.
 */
export function fakeClock(): { advance(ms: number): void; restore(): void } {
  jest.useFakeTimers({
    now: Date.now(),
    doNotFake: [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'setImmediate',
      'clearImmediate',
      'nextTick',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
  return {
    advance: (ms) => jest.advanceTimersByTime(ms),
    restore: () => jest.useRealTimers(),
  };
}
