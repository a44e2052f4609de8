import type { Cluster, Redis } from 'ioredis';
import type { RedisClients } from '../../redis/redis-clients';
import { orUnavailable } from '../../redis/redis-unavailable';
import type { CallResultEvent } from './call-result-event';
import { CallResultStore, CallResultStoreUnavailableError, CallResultTail, StoredCallResult } from './call-result-store';

/**
 * The stream of a VDN's call results, under REDIS_KEY_PREFIX: `isales-gateway:call-results:{vdn:8}`.
 * The hash tag keeps a VDN's stream and its callId marks in one Redis Cluster slot, so that one
 * script stores a push atomically.
 */
export const streamKey = (vdnId: number) => `call-results:{vdn:${vdnId}}`;
/** Marks a callId as stored for as long as the stream keeps entries (CALL_RESULT_STREAM_MAX_AGE_S). */
const seenKey = (vdnId: number, callId: string) => `call-results:{vdn:${vdnId}}:seen:${callId}`;

/**
 * KEYS[1] the stream, KEYS[2..] one callId mark per record; ARGV: maxlen, max age (ms), mark TTL
 * (s), then per record its JSON, campaignId and callId. A record whose mark exists is a re-push:
 * counted, not added. Entries beyond the length (`MAXLEN ~`) or older than the age (`MINID ~`,
 * by Redis' own clock, which also makes the ids) are trimmed. Returns {stored, length}.
 */
const APPEND_SCRIPT = `
local stored = 0
for i = 2, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 0 then
    local at = 4 + (i - 2) * 3
    redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'record', ARGV[at], 'campaignId', ARGV[at + 1], 'callId', ARGV[at + 2])
    redis.call('SET', KEYS[i], '1', 'EX', ARGV[3])
    stored = stored + 1
  end
end
local now = redis.call('TIME')
local oldest = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - tonumber(ARGV[2])
if oldest > 0 then redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%d', oldest)) end
return {stored, redis.call('XLEN', KEYS[1])}
`;

type StreamEntries = [id: string, fields: string[]][];

interface WithAppendCommand {
  appendCallResults(numKeys: number, ...keysAndArgs: (string | number)[]): Promise<[number, number]>;
}

function toStored(entries: StreamEntries | null | undefined): StoredCallResult[] {
  const out: StoredCallResult[] = [];
  for (const [id, fields] of entries ?? []) {
    const at = fields.indexOf('record');
    if (at < 0 || at % 2 !== 0) continue;
    try {
      out.push({ id, record: JSON.parse(fields[at + 1]) as CallResultEvent });
    } catch {
      // An entry another writer added to the stream with something else in it is skipped, not a 500.
    }
  }
  return out;
}

/** Nothing was stored or read: the 503 that tells iSales to push again, or a reader to retry. */
const unavailable = () => new CallResultStoreUnavailableError();

export class RedisCallResultStore extends CallResultStore {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly clients: RedisClients,
    private readonly limits: { maxLen: number; maxAgeS: number; blockMs: number },
  ) {
    super();
    redis.defineCommand('appendCallResults', { lua: APPEND_SCRIPT });
  }

  async append(vdnId: number, records: readonly CallResultEvent[]) {
    const keys = [streamKey(vdnId), ...records.map((r) => seenKey(vdnId, r.callId))];
    const args: (string | number)[] = [this.limits.maxLen, this.limits.maxAgeS * 1000, this.limits.maxAgeS];
    for (const record of records) args.push(JSON.stringify(record), record.campaignId ?? '', record.callId);
    const append = () => (this.redis as unknown as WithAppendCommand).appendCallResults(keys.length, ...keys, ...args);
    const [stored, length] = await orUnavailable(append, unavailable);
    return { stored, duplicates: records.length - stored, length };
  }

  async page(vdnId: number, afterId: string | null, count: number): Promise<StoredCallResult[]> {
    const entries = await orUnavailable(() => this.redis.xrange(streamKey(vdnId), afterId === null ? '-' : `(${afterId}`, '+', 'COUNT', count), unavailable);
    return toStored(entries);
  }

  async lastId(vdnId: number): Promise<string> {
    const [newest] = (await orUnavailable(() => this.redis.xrevrange(streamKey(vdnId), '+', '-', 'COUNT', 1), unavailable)) as StreamEntries;
    return newest ? newest[0] : '0-0';
  }

  /**
   * XREAD BLOCK holds its connection, so each event stream has one of its own (CALL_RESULT_SSE_MAX
   * bounds how many), with a command timeout above the block time; one that is not ready in time is a 503.
   */
  async openTail(vdnId: number): Promise<CallResultTail> {
    const connection = await orUnavailable(() => this.clients.openBlocking(this.limits.blockMs + 5000), unavailable);
    const key = streamKey(vdnId);
    return {
      async read(afterId, count, blockMs) {
        const answer = await connection.xread('COUNT', count, 'BLOCK', blockMs, 'STREAMS', key, afterId);
        return toStored(answer?.[0]?.[1]);
      },
      close: () => connection.disconnect(),
    };
  }
}
