import type { CallResultEvent } from './call-result-event';
import { MemoryCallResultStore } from './memory-call-result.store';

const record = (callId: string, vdnId = 1): CallResultEvent => ({
  callId,
  vdnId,
  campaignId: '3',
  sessionId: null,
  calledNumber: null,
  status: 'succeeded',
  failCode: '0',
  calledAt: null,
  receivedAt: '2026-01-01T00:00:00.000Z',
});

describe('MemoryCallResultStore', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('keeps each callId once per VDN, and pages after an id', async () => {
    const store = new MemoryCallResultStore({ maxLen: 100, maxAgeS: 60 }, clock);
    expect(await store.append(1, [record('a'), record('b'), record('a')])).toEqual({ stored: 2, duplicates: 1, length: 2 });
    expect(await store.append(1, [record('b')])).toEqual({ stored: 0, duplicates: 1, length: 2 });
    expect(await store.append(2, [record('a', 2)])).toMatchObject({ stored: 1 });
    const all = await store.page(1, null, 10);
    expect(all.map((entry) => entry.record.callId)).toEqual(['a', 'b']);
    expect((await store.page(1, all[0].id, 10)).map((entry) => entry.record.callId)).toEqual(['b']);
    expect(await store.lastId(1)).toBe(all[1].id);
    expect(await store.lastId(3)).toBe('0-0');
  });

  it('trims by length and by age, and forgets a callId after the age', async () => {
    const store = new MemoryCallResultStore({ maxLen: 2, maxAgeS: 60 }, clock);
    await store.append(1, [record('a'), record('b'), record('c')]);
    expect((await store.page(1, null, 10)).map((entry) => entry.record.callId)).toEqual(['b', 'c']);
    now += 61_000;
    expect(await store.append(1, [record('a'), record('d')])).toEqual({ stored: 2, duplicates: 0, length: 2 });
    expect((await store.page(1, null, 10)).map((entry) => entry.record.callId)).toEqual(['a', 'd']);
  });

  it('wakes a waiting tail when its VDN gets a record, and close ends a wait', async () => {
    const store = new MemoryCallResultStore({ maxLen: 100, maxAgeS: 60 }, clock);
    const tail = await store.openTail(5);
    const waiting = tail.read('0-0', 10, 60_000);
    await store.append(5, [record('x', 5)]);
    expect((await waiting).map((entry) => entry.record.callId)).toEqual(['x']);
    const idle = tail.read(await store.lastId(5), 10, 60_000);
    tail.close();
    expect(await idle).toEqual([]);
  });
});
