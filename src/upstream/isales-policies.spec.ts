import { fakeClock } from '../../test/support/clock';
import { Logger } from '@nestjs/common';
import { IsalesBadResponseError, IsalesHttpError, IsalesTimeoutError } from './isales.errors';
import { AttemptContext, MAX_IDLE_CIRCUITS, RetryEvent } from './isales-policies';
import { IsalesCircuitOpenError } from './resilience.errors';
import { business, dropped, failureOf, http, hung, policies, read, refused, run, scripted, unanswered, write } from './policies.spec-helpers';

// The chain of each operation (cockatiel's breaker, the gateway's own bulkheads and retry loop), driven by attempt functions that answer as iSales would
// have been translated by the client (the client itself is tested against the simulator).

// The breaker's warnings are asserted in the e2e suite; here they are noise.
beforeAll(() => Logger.overrideLogger(false));

describe('IsalesPolicies: retry', () => {
  it.each([
    ['HTTP 503', http(503)],
    ['HTTP 500', http(500)],
    ['a dropped connection', dropped()],
    ['a refused connection', refused()],
    ['a timed-out attempt', hung()],
  ])('repeats a read after %s, and reports the retry', async (_name, failure) => {
    const p = policies();
    const events: RetryEvent[] = [];
    p.onRetry((event) => events.push(event));
    const script = scripted(failure, 'ok');
    await expect(run(p, read, script.attempt)).resolves.toBe('ok');
    expect(script.calls).toBe(2);
    expect(events).toEqual([{ operation: 'queryServer', attempt: 1, delayMs: expect.any(Number) }]);
  });

  it.each([
    ['a business code', business()],
    ['HTTP 400', http(400)],
    ['HTTP 401', http(401)],
    ['HTTP 404', http(404)],
    ['an unreadable body', new IsalesBadResponseError('queryServer', 'not JSON')],
  ])('never repeats %s', async (_name, failure) => {
    const script = scripted(failure, 'ok');
    await expect(run(policies(), read, script.attempt)).rejects.toBe(failure);
    expect(script.calls).toBe(1);
  });

  it('gives up after ISALES_RETRIES retries with the last failure', async () => {
    const script = scripted(http(503));
    const error = await failureOf(run(policies({ ISALES_RETRIES: '3' }), read, script.attempt));
    expect(error).toBeInstanceOf(IsalesHttpError);
    expect(script.calls).toBe(4);
  });

  it('repeats a write only when the request certainly never reached iSales', async () => {
    const p = policies();
    const once = scripted(refused(), 'ok');
    await expect(run(p, write, once.attempt)).resolves.toBe('ok');
    expect(once.calls).toBe(2);
    for (const failure of [dropped(), hung(), http(503), http(429, 0)]) {
      const script = scripted(failure, 'ok');
      await expect(run(p, write, script.attempt)).rejects.toBe(failure);
      expect(script.calls).toBe(1);
    }
  });

  it('waits what a 429 asks when it fits the deadline', async () => {
    const script = scripted(http(429, 1), 'ok');
    const p = policies({ ISALES_DEADLINE_MS: '5000' });
    const waits: number[] = [];
    p.onRetry(({ delayMs }) => waits.push(delayMs));
    await expect(run(p, read, script.attempt)).resolves.toBe('ok');
    expect(waits).toEqual([1000]);
    expect(script.calls).toBe(2);
  });

  it('answers the 429 at once when its wait does not fit the deadline', async () => {
    const failure = http(429, 5);
    const script = scripted(failure, 'ok');
    await expect(run(policies({ ISALES_DEADLINE_MS: '3000' }), read, script.attempt)).rejects.toBe(failure);
    expect(script.calls).toBe(1);
  });

  it('gives each attempt the rest of the deadline at most, and the timeout it reports', async () => {
    const script = scripted(http(503), 'ok');
    await run(policies({ ISALES_TIMEOUT_MS: '2000', ISALES_DEADLINE_MS: '1500' }), read, script.attempt);
    expect(script.contexts[0].timeoutMs).toBeLessThanOrEqual(1500);
    expect(script.contexts[0].reportedMs).toBe(1500);
  });
});

describe('IsalesPolicies: deadline', () => {
  it('gives an attempt no more than the deadline, and the call ends with it as a timeout', async () => {
    const contexts: AttemptContext[] = [];
    const error = await failureOf(run(policies({ ISALES_TIMEOUT_MS: '5000', ISALES_DEADLINE_MS: '300' }), read, unanswered(contexts)));
    expect(error).toBeInstanceOf(IsalesTimeoutError);
    expect((error as IsalesTimeoutError).status).toBe(504);
    expect(error.message).toContain('300 ms');
    expect(contexts[0].timeoutMs).toBeLessThanOrEqual(300);
  });

  it('gives an attempt ISALES_TIMEOUT_MS and retries it within the deadline', async () => {
    const p = policies({ ISALES_TIMEOUT_MS: '200', ISALES_DEADLINE_MS: '5000' });
    const contexts: AttemptContext[] = [];
    const hangsOnce = unanswered(contexts);
    const result = await run(p, read, (context) => (contexts.length === 0 ? hangsOnce(context) : Promise.resolve('ok')));
    expect(result).toBe('ok');
    expect(contexts).toEqual([{ timeoutMs: 200, reportedMs: 200 }]);
  });
});

describe('IsalesPolicies: circuit breaker', () => {
  const env = { ISALES_BREAKER_FAILURES: '3', ISALES_BREAKER_COOLDOWN_S: '1', ISALES_RETRIES: '0' };

  it('opens after consecutive upstream failures, then fails at once with 503 and Retry-After', async () => {
    const p = policies(env);
    const failing = scripted(http(500));
    for (let i = 0; i < 3; i++) await failureOf(run(p, read, failing.attempt));
    expect(p.circuitStates().queryServer).toBe('open');
    expect(p.circuitStates().appointList).toBe('closed');

    const blocked = scripted('ok');
    const error = await failureOf(run(p, read, blocked.attempt));
    expect(error).toBeInstanceOf(IsalesCircuitOpenError);
    expect(error).toMatchObject({ status: 503, retryAfterS: 1 });
    expect((error as IsalesCircuitOpenError).detail).not.toMatch(/breaker|circuit/i);
    expect(blocked.calls).toBe(0);
    // Another operation is not affected, and neither is another VDN's call to this one.
    await expect(run(p, { operation: 'appointList', vdnId: 1, idempotent: true }, blocked.attempt)).resolves.toBe('ok');
    await expect(run(p, { ...read, vdnId: 2 }, blocked.attempt)).resolves.toBe('ok');
    expect(p.chain('queryServer').circuitState(2)).toBe('closed');
    expect(p.openCircuits()).toEqual({ queryServer: 1 });
  });

  it('lets one probe through after the cooldown; its success closes the breaker', async () => {
    const p = policies(env);
    for (let i = 0; i < 3; i++) await failureOf(run(p, read, scripted(hung()).attempt));
    const clock = fakeClock();
    try {
      clock.advance(1100);
      const probe = scripted('ok');
      await expect(run(p, read, probe.attempt)).resolves.toBe('ok');
      expect(p.circuitStates().queryServer).toBe('closed');
    } finally {
      clock.restore();
    }
  });

  it('counts neither business codes nor 4xx nor 429', async () => {
    const p = policies(env);
    for (const failure of [business(), http(400), http(429, 9), business(), http(404)]) await failureOf(run(p, read, scripted(failure).attempt));
    expect(p.circuitStates().queryServer).toBe('closed');
  });

  it('keeps a bounded number of idle circuits: closed ones unused for a cooldown go, open ones stay', async () => {
    const p = policies({ ...env, ISALES_BREAKER_COOLDOWN_S: '1' });
    for (let i = 0; i < 3; i++) await failureOf(run(p, { ...read, vdnId: 1 }, scripted(http(500)).attempt));
    for (let vdnId = 2; vdnId <= MAX_IDLE_CIRCUITS; vdnId++) await run(p, { ...read, vdnId }, scripted('ok').attempt);
    expect(p.chain('queryServer').circuitCount).toBe(MAX_IDLE_CIRCUITS);
    const clock = fakeClock();
    try {
      clock.advance(1100);
      await run(p, { ...read, vdnId: 9000 }, scripted('ok').attempt);
    } finally {
      clock.restore();
    }
    // The open circuit of VDN 1 is kept (and still counted); the idle closed ones are gone.
    expect(p.chain('queryServer').circuitCount).toBe(2);
    expect(p.openCircuits()).toEqual({ queryServer: 1 });
  });

  it('counts a call once, after its retries', async () => {
    const p = policies({ ...env, ISALES_RETRIES: '2' });
    const failing = scripted(http(503));
    await failureOf(run(p, read, failing.attempt));
    await failureOf(run(p, read, failing.attempt));
    expect(failing.calls).toBe(6);
    expect(p.circuitStates().queryServer).toBe('closed');
  });
});
