import { ProblemDetails } from '../src/common/errors/problem';
import { DEFAULT_IDEMPOTENCY_MAX_RECORD_BYTES } from '../src/config/idempotency.config';
import { Gateway, requestGateway, useReplicas } from './support/harness';
import { jsonInit } from './support/json-request';

const APPOINTMENTS = '/api/v1/vdns/1/appointments';
const RESULTS = '/api/v1/vdns/1/business-results';
const SEED_TASK = '1106025109';
const NUMBER = '13800000042';
let counter = 0;
const freshKey = () => `records-${process.pid}-${++counter}`;

/** Issue 27: an idempotency record keeps what a replay needs, within IDEMPOTENCY_MAX_RECORD_BYTES. */
describe('what an idempotency record keeps (gateway + redis + simulator)', () => {
  const replicas = useReplicas([{}, { IDEMPOTENCY_MAX_RECORD_BYTES: '1024' }]);
  const gateway = () => replicas.gateways[0];
  const small = () => replicas.gateways[1];

  const post = (on: Gateway, path: string, body: unknown, key: string) => requestGateway(on, path, jsonInit('POST', body, { 'idempotency-key': key }));

  /** The idempotency record `write` leaves in Redis (the one key that appears meanwhile). */
  async function recordOf(write: () => Promise<Response>): Promise<{ response: Response; record: string }> {
    const client = replicas.redis.client();
    try {
      const keys = async () => (await client.keys('*')).filter((key) => key.includes('idempotency:'));
      const before = new Set(await keys());
      const response = await write();
      const added = (await keys()).filter((key) => !before.has(key));
      expect(added).toHaveLength(1);
      return { response, record: (await client.get(added[0])) ?? '' };
    } finally {
      client.disconnect();
    }
  }

  it('keeps no called number of a reservation, and still replays its answer byte for byte', async () => {
    const key = freshKey();
    const appointedAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2 * 86_400_000).toISOString();
    const body = { type: 'manual', calledNumber: NUMBER, agent: '116', taskId: SEED_TASK, appointedAt };
    const { response: first, record } = await recordOf(() => post(gateway(), APPOINTMENTS, body, key));
    const firstText = await first.text();
    expect(first.status).toBe(201);
    expect(firstText).toContain(NUMBER);
    expect(record).not.toContain(NUMBER);
    expect(Buffer.byteLength(record)).toBeLessThan(DEFAULT_IDEMPOTENCY_MAX_RECORD_BYTES);

    const replay = await post(small(), APPOINTMENTS, { ...body }, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('location')).toBe(first.headers.get('location'));
    expect(await replay.text()).toBe(firstText);
    expect(replicas.simulator.requests.filter((r) => r.operation === 'appointCreate')).toHaveLength(1);
  });

  it('keeps only that a write succeeded when its answer exceeds the cap: a replay is a 409 with Location, and nothing is written again', async () => {
    const key = freshKey();
    const code = `rec-${process.pid}-${counter}`;
    // Children without codes: iSales makes them up, so the answer is not the request again.
    const body = { name: 'Large', code, children: Array.from({ length: 60 }, (_, i) => ({ name: `child ${i}` })) };
    const { response: first, record } = await recordOf(() => post(small(), RESULTS, body, key));
    expect(first.status).toBe(201);
    expect(Buffer.byteLength(record)).toBeLessThanOrEqual(1024);

    const replay = await post(small(), RESULTS, body, key);
    expect(replay.status).toBe(409);
    expect(replay.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(replay.headers.get('location')).toBe(first.headers.get('location'));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replay.json()) as ProblemDetails).type).toMatch(/idempotency-answer-not-kept$/);
    expect(replicas.simulator.requests.filter((r) => r.operation === 'addBusinessResult')).toHaveLength(1);

    // Within the default cap the same answer is kept whole and replayed as it was.
    const again = freshKey();
    const other = { ...body, code: `${code}-b` };
    const answered = await post(gateway(), RESULTS, other, again);
    const replayed = await post(gateway(), RESULTS, other, again);
    expect(replayed.status).toBe(201);
    expect(await replayed.text()).toBe(await answered.text());
  });
});
