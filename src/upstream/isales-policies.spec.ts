import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/configuration';
import { IsalesBadResponseError, IsalesBusinessError, IsalesHttpError, IsalesTimeoutError, IsalesUnreachableError } from './isales.errors';
import { AttemptContext, IsalesPolicies, MAX_IDLE_CIRCUITS, RetryEvent, UpstreamCallSpec } from './isales-policies';
import { IsalesBusyError, IsalesCircuitOpenError, IsalesQuotaExhaustedError } from './resilience.errors';
import { LocalTokenSchedule, UpstreamQuota } from './upstream-quota';

// The chain of each operation (cockatiel's breaker, the gateway's own bulkheads and retry loop), driven by attempt functions that answer as iSales would
// have been translated by the client (the client itself is tested against the simulator).

// The breaker's warnings are asserted in the e2e suite; here they are noise.
beforeAll(() => Logger.overrideLogger(false));

function policies(env: Record<string, string> = {}, quota: UpstreamQuota | null = null) {
  const config = loadConfig({
    ISALES_BASE_URL: 'http://127.0.0.1:1',
    ISALES_AK: 'ak',
    ISALES_SK: 'sk',
    ISALES_TIMEOUT_MS: '2000',
    ISALES_RETRY_BASE_MS: '1',
    ...env,
  });
  return new IsalesPolicies(config, quota);
}

const read: UpstreamCallSpec = { operation: 'queryServer', vdnId: 1, idempotent: true };
const write: UpstreamCallSpec = { operation: 'queryServer', vdnId: 1, idempotent: false };

/** An attempt function answering from a script, one entry per attempt (the last one repeats). */
function scripted(...outcomes: Array<Error | string>) {
  const contexts: AttemptContext[] = [];
  const attempt = async (context: AttemptContext) => {
    const outcome = outcomes[Math.min(contexts.length, outcomes.length - 1)];
    contexts.push(context);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return {
    attempt,
    contexts,
    get calls() {
      return contexts.length;
    },
  };
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

const http = (status: number, retryAfterS?: number) => new IsalesHttpError('queryServer', status, retryAfterS);
const dropped = () => new IsalesUnreachableError('queryServer', 'ECONNRESET');
const refused = () => new IsalesUnreachableError('queryServer', 'ECONNREFUSED', true);
const hung = () => new IsalesTimeoutError('queryServer', 2000);
const business = () => new IsalesBusinessError('queryServer', '0200001', 'Parameter error', 'invalid');

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
    await expect(p.execute(read, script.attempt)).resolves.toBe('ok');
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
    await expect(policies().execute(read, script.attempt)).rejects.toBe(failure);
    expect(script.calls).toBe(1);
  });

  it('gives up after ISALES_RETRIES retries with the last failure', async () => {
    const script = scripted(http(503));
    const error = await failureOf(policies({ ISALES_RETRIES: '3' }).execute(read, script.attempt));
    expect(error).toBeInstanceOf(IsalesHttpError);
    expect(script.calls).toBe(4);
  });

  it('repeats a write only when the request certainly never reached iSales', async () => {
    const p = policies();
    const once = scripted(refused(), 'ok');
    await expect(p.execute(write, once.attempt)).resolves.toBe('ok');
    expect(once.calls).toBe(2);
    for (const failure of [dropped(), hung(), http(503), http(429, 0)]) {
      const script = scripted(failure, 'ok');
      await expect(p.execute(write, script.attempt)).rejects.toBe(failure);
      expect(script.calls).toBe(1);
    }
  });

  it('waits what a 429 asks when it fits the deadline', async () => {
    const script = scripted(http(429, 1), 'ok');
    const started = performance.now();
    await expect(policies({ ISALES_DEADLINE_MS: '5000' }).execute(read, script.attempt)).resolves.toBe('ok');
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(script.calls).toBe(2);
  });

  it('answers the 429 at once when its wait does not fit the deadline', async () => {
    const failure = http(429, 5);
    const script = scripted(failure, 'ok');
    await expect(policies({ ISALES_DEADLINE_MS: '3000' }).execute(read, script.attempt)).rejects.toBe(failure);
    expect(script.calls).toBe(1);
  });

  it('gives each attempt the rest of the deadline at most, and the timeout it reports', async () => {
    const script = scripted(http(503), 'ok');
    await policies({ ISALES_TIMEOUT_MS: '2000', ISALES_DEADLINE_MS: '1500' }).execute(read, script.attempt);
    expect(script.contexts[0].timeoutMs).toBeLessThanOrEqual(1500);
    expect(script.contexts[0].reportedMs).toBe(1500);
  });
});

/** An attempt as the transport runs one that gets no answer: its own timer ends it, as a timeout. */
const unanswered = (contexts: AttemptContext[]) => (context: AttemptContext) =>
  new Promise<string>((_, reject) => {
    contexts.push(context);
    setTimeout(() => reject(new IsalesTimeoutError('queryServer', context.reportedMs)), context.timeoutMs);
  });

describe('IsalesPolicies: deadline', () => {
  it('gives an attempt no more than the deadline, and the call ends with it as a timeout', async () => {
    const contexts: AttemptContext[] = [];
    const error = await failureOf(policies({ ISALES_TIMEOUT_MS: '5000', ISALES_DEADLINE_MS: '300' }).execute(read, unanswered(contexts)));
    expect(error).toBeInstanceOf(IsalesTimeoutError);
    expect((error as IsalesTimeoutError).status).toBe(504);
    expect(error.message).toContain('300 ms');
    expect(contexts[0].timeoutMs).toBeLessThanOrEqual(300);
  });

  it('gives an attempt ISALES_TIMEOUT_MS and retries it within the deadline', async () => {
    const p = policies({ ISALES_TIMEOUT_MS: '200', ISALES_DEADLINE_MS: '5000' });
    const contexts: AttemptContext[] = [];
    const hangsOnce = unanswered(contexts);
    const result = await p.execute(read, (context) => (contexts.length === 0 ? hangsOnce(context) : Promise.resolve('ok')));
    expect(result).toBe('ok');
    expect(contexts).toEqual([{ timeoutMs: 200, reportedMs: 200 }]);
  });
});

describe('IsalesPolicies: circuit breaker', () => {
  const env = { ISALES_BREAKER_FAILURES: '3', ISALES_BREAKER_COOLDOWN_S: '1', ISALES_RETRIES: '0' };

  it('opens after consecutive upstream failures, then fails at once with 503 and Retry-After', async () => {
    const p = policies(env);
    const failing = scripted(http(500));
    for (let i = 0; i < 3; i++) await failureOf(p.execute(read, failing.attempt));
    expect(p.circuitStates().queryServer).toBe('open');
    expect(p.circuitStates().appointList).toBe('closed');

    const blocked = scripted('ok');
    const error = await failureOf(p.execute(read, blocked.attempt));
    expect(error).toBeInstanceOf(IsalesCircuitOpenError);
    expect(error).toMatchObject({ status: 503, retryAfterS: 1 });
    expect((error as IsalesCircuitOpenError).detail).not.toMatch(/breaker|circuit/i);
    expect(blocked.calls).toBe(0);
    // Another operation is not affected, and neither is another VDN's call to this one.
    await expect(p.execute({ operation: 'appointList', vdnId: 1, idempotent: true }, blocked.attempt)).resolves.toBe('ok');
    await expect(p.execute({ ...read, vdnId: 2 }, blocked.attempt)).resolves.toBe('ok');
    expect(p.chain('queryServer').circuitState(2)).toBe('closed');
    expect(p.openCircuits()).toEqual({ queryServer: 1 });
  });

  it('lets one probe through after the cooldown; its success closes the breaker', async () => {
    const p = policies(env);
    for (let i = 0; i < 3; i++) await failureOf(p.execute(read, scripted(hung()).attempt));
    await sleep(1100);
    const probe = scripted('ok');
    await expect(p.execute(read, probe.attempt)).resolves.toBe('ok');
    expect(p.circuitStates().queryServer).toBe('closed');
  });

  it('counts neither business codes nor 4xx nor 429', async () => {
    const p = policies(env);
    for (const failure of [business(), http(400), http(429, 9), business(), http(404)]) await failureOf(p.execute(read, scripted(failure).attempt));
    expect(p.circuitStates().queryServer).toBe('closed');
  });

  it('keeps a bounded number of idle circuits: closed ones unused for a cooldown go, open ones stay', async () => {
    const p = policies({ ...env, ISALES_BREAKER_COOLDOWN_S: '1' });
    for (let i = 0; i < 3; i++) await failureOf(p.execute({ ...read, vdnId: 1 }, scripted(http(500)).attempt));
    for (let vdnId = 2; vdnId <= MAX_IDLE_CIRCUITS; vdnId++) await p.execute({ ...read, vdnId }, scripted('ok').attempt);
    expect(p.chain('queryServer').circuitCount).toBe(MAX_IDLE_CIRCUITS);
    await sleep(1100);
    await p.execute({ ...read, vdnId: 9000 }, scripted('ok').attempt);
    // The open circuit of VDN 1 is kept (and still counted); the idle closed ones are gone.
    expect(p.chain('queryServer').circuitCount).toBe(2);
    expect(p.openCircuits()).toEqual({ queryServer: 1 });
  });

  it('counts a call once, after its retries', async () => {
    const p = policies({ ...env, ISALES_RETRIES: '2' });
    const failing = scripted(http(503));
    await failureOf(p.execute(read, failing.attempt));
    await failureOf(p.execute(read, failing.attempt));
    expect(failing.calls).toBe(6);
    expect(p.circuitStates().queryServer).toBe('closed');
  });
});

describe('IsalesPolicies: bulkhead', () => {
  it('holds ISALES_MAX_CONCURRENCY calls in flight and ISALES_MAX_QUEUE waiting, and turns away the rest at once', async () => {
    const p = policies({
      ISALES_MAX_CONCURRENCY: '2',
      ISALES_MAX_QUEUE: '1',
      ISALES_MAX_CONCURRENCY_PER_VDN: '2',
      ISALES_MAX_QUEUE_PER_VDN: '1',
      ISALES_TIMEOUT_MS: '5000',
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const slow = async () => {
      started++;
      await gate;
      return 'ok';
    };
    const calls = Array.from({ length: 4 }, (_, i) => p.execute({ ...read, coalesceKey: String(i) }, slow));
    const rejected = await failureOf(calls[3]);
    expect(rejected).toBeInstanceOf(IsalesBusyError);
    expect(rejected).toMatchObject({ status: 503, retryAfterS: 1 });
    expect(started).toBe(2);
    release();
    await expect(Promise.all(calls.slice(0, 3))).resolves.toEqual(['ok', 'ok', 'ok']);
    expect(started).toBe(3);
  });
});

describe('IsalesPolicies: waiting for a slot', () => {
  it('ends a call still waiting at its deadline with a timeout, without calling', async () => {
    const p = policies({
      ISALES_TIMEOUT_MS: '5000',
      ISALES_DEADLINE_MS: '300',
      ISALES_MAX_CONCURRENCY: '1',
      ISALES_MAX_QUEUE: '1',
      ISALES_MAX_QUEUE_PER_VDN: '1',
    });
    const first = p.execute({ ...read, coalesceKey: 'a' }, unanswered([]));
    const waiting = scripted('ok');
    const second = p.execute({ ...read, coalesceKey: 'b' }, waiting.attempt);
    expect(await failureOf(second)).toMatchObject({ status: 504, slug: 'upstream-timeout' });
    expect(await failureOf(first)).toBeInstanceOf(IsalesTimeoutError);
    expect(waiting.calls).toBe(0);
  });
});

describe('IsalesPolicies: each VDN\u2019s share', () => {
  it('turns away a VDN over ISALES_MAX_CONCURRENCY_PER_VDN + ISALES_MAX_QUEUE_PER_VDN while another VDN is served', async () => {
    const p = policies({ ISALES_MAX_CONCURRENCY: '8', ISALES_MAX_QUEUE: '8', ISALES_MAX_CONCURRENCY_PER_VDN: '2', ISALES_MAX_QUEUE_PER_VDN: '1' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const slow = async () => {
      started++;
      await gate;
      return 'ok';
    };
    const flood = Array.from({ length: 5 }, (_, i) => p.execute({ ...read, vdnId: 7, coalesceKey: String(i) }, slow));
    const refused = await Promise.allSettled(flood.slice(3));
    expect(refused.map((r) => r.status === 'rejected' && r.reason instanceof IsalesBusyError)).toEqual([true, true]);
    expect(started).toBe(2);
    await expect(p.execute({ ...read, vdnId: 8, coalesceKey: 'other' }, async () => 'other')).resolves.toBe('other');
    release();
    await expect(Promise.all(flood.slice(0, 3))).resolves.toEqual(['ok', 'ok', 'ok']);
  });
});

describe('IsalesPolicies: coalescing', () => {
  it('lets identical concurrent reads share one call, and nothing else', async () => {
    const p = policies();
    let calls = 0;
    const slow = async () => {
      calls++;
      await sleep(50);
      return { calls };
    };
    const same = await Promise.all(Array.from({ length: 5 }, () => p.execute({ ...read, coalesceKey: '1\n\n{}' }, slow)));
    expect(calls).toBe(1);
    expect(new Set(same).size).toBe(1);

    await Promise.all([
      p.execute({ ...read, coalesceKey: '1\n\n{}' }, slow),
      p.execute({ ...read, coalesceKey: '2\n\n{}' }, slow),
      p.execute({ operation: 'appointList', vdnId: 1, idempotent: true, coalesceKey: '1\n\n{}' }, slow),
      p.execute({ ...write, coalesceKey: '1\n\n{}' }, slow),
      p.execute({ ...write, coalesceKey: '1\n\n{}' }, slow),
    ]);
    expect(calls).toBe(6);
  });

  it('shares a failure too, then calls again', async () => {
    const p = policies({ ISALES_RETRIES: '0' });
    const failing = scripted(business(), 'ok');
    const slow = async (context: AttemptContext) => {
      await sleep(20);
      return failing.attempt(context);
    };
    const outcomes = await Promise.allSettled([p.execute({ ...read, coalesceKey: 'k' }, slow), p.execute({ ...read, coalesceKey: 'k' }, slow)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    await expect(p.execute({ ...read, coalesceKey: 'k' }, slow)).resolves.toBe('ok');
    expect(failing.calls).toBe(2);
  });
});

describe('IsalesPolicies: quota', () => {
  it('holds attempts back to the quota: the fourth of four leaves three intervals later', async () => {
    const p = policies({ ISALES_RETRIES: '0' }, new UpstreamQuota(new LocalTokenSchedule(20), 20));
    const sentAt: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        p.execute({ ...read, coalesceKey: String(i) }, async () => {
          sentAt.push(performance.now());
          return 'ok';
        }),
      ),
    );
    // Timers never fire early, so this lower bound holds on a busy machine too.
    expect(Math.max(...sentAt) - started).toBeGreaterThanOrEqual(149);
  });

  it('answers 503 when no slot comes free within the deadline, without calling', async () => {
    const p = policies({ ISALES_DEADLINE_MS: '250' }, new UpstreamQuota(new LocalTokenSchedule(1), 1));
    await p.execute({ ...read, coalesceKey: 'a' }, async () => 'ok');
    const script = scripted('ok');
    const error = await failureOf(p.execute({ ...read, coalesceKey: 'b' }, script.attempt));
    expect(error).toBeInstanceOf(IsalesQuotaExhaustedError);
    expect(error).toMatchObject({ status: 503, retryAfterS: 1 });
    expect(script.calls).toBe(0);
  });
});
