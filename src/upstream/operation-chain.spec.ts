import { Logger } from '@nestjs/common';
import { IsalesTimeoutError } from './isales.errors';
import { AttemptContext } from './isales-policies';
import { IsalesBusyError, IsalesQuotaExhaustedError } from './resilience.errors';
import { LocalTokenSchedule, UpstreamQuota } from './upstream-quota';
import { business, failureOf, gatedAttempt, held, policies, read, run, scripted, unanswered, write } from './policies.spec-helpers';

// The chain of each operation (cockatiel's breaker, the gateway's own bulkheads and retry loop), driven by attempt functions that answer as iSales would
// have been translated by the client (the client itself is tested against the simulator).

// The breaker's warnings are asserted in the e2e suite; here they are noise.
beforeAll(() => Logger.overrideLogger(false));

describe('IsalesPolicies: bulkhead', () => {
  it('holds ISALES_MAX_CONCURRENCY calls in flight and ISALES_MAX_QUEUE waiting, and turns away the rest at once', async () => {
    const bulkheads = { ISALES_MAX_CONCURRENCY: '2', ISALES_MAX_QUEUE: '1', ISALES_MAX_CONCURRENCY_PER_VDN: '2', ISALES_MAX_QUEUE_PER_VDN: '1' };
    const p = policies({ ...bulkheads, ISALES_TIMEOUT_MS: '5000' });
    const slow = gatedAttempt();
    const calls = Array.from({ length: 4 }, (_, i) => run(p, { ...read, coalesceKey: String(i) }, slow.attempt));
    const rejected = await failureOf(calls[3]);
    expect(rejected).toBeInstanceOf(IsalesBusyError);
    expect(rejected).toMatchObject({ status: 503, retryAfterS: 1 });
    expect(slow.started).toBe(2);
    slow.open();
    await expect(Promise.all(calls.slice(0, 3))).resolves.toEqual(['ok', 'ok', 'ok']);
    expect(slow.started).toBe(3);
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
    const first = run(p, { ...read, coalesceKey: 'a' }, unanswered([]));
    const waiting = scripted('ok');
    const second = run(p, { ...read, coalesceKey: 'b' }, waiting.attempt);
    expect(await failureOf(second)).toMatchObject({ status: 504, slug: 'upstream-timeout' });
    expect(await failureOf(first)).toBeInstanceOf(IsalesTimeoutError);
    expect(waiting.calls).toBe(0);
  });
});

describe('IsalesPolicies: each VDN\u2019s share', () => {
  it('turns away a VDN over ISALES_MAX_CONCURRENCY_PER_VDN + ISALES_MAX_QUEUE_PER_VDN while another VDN is served', async () => {
    const p = policies({ ISALES_MAX_CONCURRENCY: '8', ISALES_MAX_QUEUE: '8', ISALES_MAX_CONCURRENCY_PER_VDN: '2', ISALES_MAX_QUEUE_PER_VDN: '1' });
    const slow = gatedAttempt();
    const flood = Array.from({ length: 5 }, (_, i) => run(p, { ...read, vdnId: 7, coalesceKey: String(i) }, slow.attempt));
    const refused = await Promise.allSettled(flood.slice(3));
    expect(refused.map((r) => r.status === 'rejected' && r.reason instanceof IsalesBusyError)).toEqual([true, true]);
    expect(slow.started).toBe(2);
    await expect(run(p, { ...read, vdnId: 8, coalesceKey: 'other' }, async () => 'other')).resolves.toBe('other');
    slow.open();
    await expect(Promise.all(flood.slice(0, 3))).resolves.toEqual(['ok', 'ok', 'ok']);
  });
});

describe('IsalesPolicies: coalescing', () => {
  it('lets identical concurrent reads share one call, and nothing else', async () => {
    const p = policies();
    let calls = 0;
    let gate = held();
    const slow = async () => {
      calls++;
      await gate.promise;
      return { calls };
    };
    const reads = Promise.all(Array.from({ length: 5 }, () => run(p, { ...read, coalesceKey: '1\n\n{}' }, slow)));
    gate.open();
    const same = await reads;
    expect(calls).toBe(1);
    expect(new Set(same).size).toBe(1);

    gate = held();
    const others = Promise.all([
      run(p, { ...read, coalesceKey: '1\n\n{}' }, slow),
      run(p, { ...read, coalesceKey: '2\n\n{}' }, slow),
      run(p, { operation: 'appointList', vdnId: 1, idempotent: true, coalesceKey: '1\n\n{}' }, slow),
      run(p, { ...write, coalesceKey: '1\n\n{}' }, slow),
      run(p, { ...write, coalesceKey: '1\n\n{}' }, slow),
    ]);
    gate.open();
    await others;
    expect(calls).toBe(6);
  });

  it('shares a failure too, then calls again', async () => {
    const p = policies({ ISALES_RETRIES: '0' });
    const failing = scripted(business(), 'ok');
    const gate = held();
    const slow = async (context: AttemptContext) => {
      await gate.promise;
      return failing.attempt(context);
    };
    const both = Promise.allSettled([run(p, { ...read, coalesceKey: 'k' }, slow), run(p, { ...read, coalesceKey: 'k' }, slow)]);
    gate.open();
    const outcomes = await both;
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    await expect(run(p, { ...read, coalesceKey: 'k' }, slow)).resolves.toBe('ok');
    expect(failing.calls).toBe(2);
  });
});

describe('IsalesPolicies: quota', () => {
  it('holds attempts back to the quota: the fourth of four leaves three intervals later', async () => {
    // The schedule's clock moves by exactly the waits it asks for: the times below are the quota's own.
    let now = 0;
    const local = new LocalTokenSchedule(20, () => now);
    const schedule = {
      take: async () => {
        const waitMs = await local.take();
        now += waitMs;
        return waitMs;
      },
    };
    const p = policies({ ISALES_RETRIES: '0' }, new UpstreamQuota(schedule, 20));
    const sentAt: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        run(p, { ...read, coalesceKey: String(i) }, async () => {
          sentAt.push(now);
          return 'ok';
        }),
      ),
    );
    expect(sentAt).toEqual([0, 50, 100, 150]);
  });

  it('answers 503 when no slot comes free within the deadline, without calling', async () => {
    const p = policies({ ISALES_DEADLINE_MS: '250' }, new UpstreamQuota(new LocalTokenSchedule(1), 1));
    await run(p, { ...read, coalesceKey: 'a' }, async () => 'ok');
    const script = scripted('ok');
    const error = await failureOf(run(p, { ...read, coalesceKey: 'b' }, script.attempt));
    expect(error).toBeInstanceOf(IsalesQuotaExhaustedError);
    expect(error).toMatchObject({ status: 503, retryAfterS: 1 });
    expect(script.calls).toBe(0);
  });
});
