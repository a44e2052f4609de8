import { MemoryIdempotencyStore } from './memory-idempotency.store';
import { StoredAnswer } from './stored-answer';

const answer: StoredAnswer = { kind: 'success', body: { id: '1' }, location: '/x/1' };

describe('IdempotencyStore rules (in memory)', () => {
  let clock: number;
  let store: MemoryIdempotencyStore;
  beforeEach(() => {
    clock = 1_000_000;
    store = new MemoryIdempotencyStore(() => clock);
  });

  it('starts the first request, says in-flight to the next, then replays the kept answer', async () => {
    const first = await store.begin('k', 'f', 1000);
    expect(first.kind).toBe('started');
    expect(await store.begin('k', 'f', 1000)).toEqual({ kind: 'in-flight' });
    await store.complete('k', (first as { token: string }).token, 'f', answer, 10_000);
    expect(await store.begin('k', 'f', 1000)).toEqual({ kind: 'replay', answer });
  });

  it('tells another body apart, in flight and after', async () => {
    const first = await store.begin('k', 'f', 1000);
    expect(await store.begin('k', 'other', 1000)).toEqual({ kind: 'mismatch' });
    await store.complete('k', (first as { token: string }).token, 'f', answer, 10_000);
    expect(await store.begin('k', 'other', 1000)).toEqual({ kind: 'mismatch' });
  });

  it('frees a released key, and only for the token that holds it', async () => {
    const first = (await store.begin('k', 'f', 1000)) as { token: string };
    await store.release('k', 'not-the-token', 'f');
    expect(await store.begin('k', 'f', 1000)).toEqual({ kind: 'in-flight' });
    await store.release('k', first.token, 'f');
    expect((await store.begin('k', 'other', 1000)).kind).toBe('started');
  });

  it('forgets a pending key after its time (a crashed replica), and a kept answer after 24 h', async () => {
    const first = (await store.begin('k', 'f', 1000)) as { token: string };
    clock += 1001;
    const second = (await store.begin('k', 'f', 1000)) as { token: string };
    expect(second.token).not.toBe(first.token);
    await store.complete('k', first.token, 'f', answer, 10_000);
    expect(await store.begin('k', 'f', 1000)).toEqual({ kind: 'in-flight' });
    await store.complete('k', second.token, 'f', answer, 10_000);
    clock += 10_001;
    expect((await store.begin('k', 'f', 1000)).kind).toBe('started');
  });
});
