import type { CallResultTail, StoredCallResult } from './call-result-store';
import { CallResultEventSource, eventFrame } from './call-result-event-source';

function entry(n: number): StoredCallResult {
  return { id: `${n}-0`, record: { callId: `c${n}`, vdnId: 1, campaignId: n % 2 ? '1' : '2' } as StoredCallResult['record'] };
}

/** A tail over `count` entries that counts its reads. */
function tailOf(count: number): CallResultTail & { reads: number; closed: boolean } {
  const tail = {
    reads: 0,
    closed: false,
    read(afterId: string, batch: number): Promise<StoredCallResult[]> {
      tail.reads += 1;
      const from = Number(afterId.split('-')[0]) + 1;
      return Promise.resolve(Array.from({ length: Math.max(0, Math.min(batch, count - from + 1)) }, (_, i) => entry(from + i)));
    },
    close() {
      tail.closed = true;
    },
  };
  return tail;
}

const options = { batch: 50, heartbeatMs: 1000, campaignId: null, retryMs: 2000 };

describe('CallResultEventSource', () => {
  it('formats an entry as an event with its stream id', () => {
    expect(eventFrame(entry(7))).toBe('id: 7-0\nevent: call-result\ndata: {"callId":"c7","vdnId":1,"campaignId":"1"}\n\n');
  });

  it('reads the store only while its reader wants more: an unread stream holds about one batch', async () => {
    const tail = tailOf(100_000);
    const source = new CallResultEventSource(tail, '0-0', options);
    source.resume();
    source.pause();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const readsWhilePaused = tail.reads;
    expect(source.readableLength).toBeLessThan(16 * 1024 + 50 * 200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(tail.reads).toBe(readsWhilePaused);
    source.destroy();
    expect(tail.closed).toBe(true);
  });

  it('skips other campaigns and sends a heartbeat comment on an empty wait; endStream ends it after what it holds', async () => {
    const tail = tailOf(4);
    const source = new CallResultEventSource(tail, '0-0', { ...options, campaignId: '2' });
    let text = '';
    source.setEncoding('utf8');
    source.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes(':\n\n')) source.endStream();
    });
    await new Promise((resolve) => source.on('end', resolve));
    expect(text.match(/^id: .*$/gm)).toEqual(['id: 2-0', 'id: 4-0']);
    expect(text.startsWith('retry: 2000\n')).toBe(true);
    expect(tail.closed).toBe(true);
  });
});
