import { GatewayError, ValidationFailedError } from '../common/errors/gateway-error';
import type { UpstreamMeaning } from '../common/errors/upstream-meaning';
import type { StoredAnswer } from './stored-answer';
import { fingerprintOf, mayHaveReachedIsales, replayedBody, ReplayedProblemError, toStoredProblem, toStoredSuccess, withinRecordLimit } from './stored-answer';

describe('fingerprintOf', () => {
  it('is the same for the same JSON in any key order, and differs for another value', () => {
    expect(fingerprintOf({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(fingerprintOf({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
    expect(fingerprintOf({ a: [1, 2] })).not.toBe(fingerprintOf({ a: [2, 1] }));
    expect(fingerprintOf(undefined)).toBe(fingerprintOf(null));
  });

  it('leaves passwords out: not even their hash is kept', () => {
    expect(fingerprintOf({ host: 'h', password: 'one-password' })).toBe(fingerprintOf({ host: 'h', password: 'another-one' }));
    expect(fingerprintOf({ host: 'h', password: 'p' })).toBe(fingerprintOf({ host: 'h' }));
  });
});

/** An upstream failure as idempotency sees it: a GatewayError that says what it means (which ones mean what: src/upstream/isales.errors.spec.ts). */
class UpstreamFailure extends GatewayError {
  readonly slug = 'upstream-error';
  readonly title = 'iSales failed';
  override readonly upstream = { code: 'HTTP 503', description: 'iSales answered HTTP 503' };

  constructor(
    readonly status: number,
    override readonly upstreamMeaning: UpstreamMeaning,
    retryAfterS?: number,
  ) {
    super('iSales answered HTTP 503');
    this.retryAfterS = retryAfterS;
  }
}

const meaning = (mayHaveReachedIsales: boolean): UpstreamMeaning => ({
  outcome: 'http_error',
  mayHaveReachedIsales,
  countsAgainstBreaker: false,
  retryable: 'never',
});

describe('mayHaveReachedIsales', () => {
  it.each([
    ['an upstream failure that may have been processed', new UpstreamFailure(502, meaning(true)), true],
    ['an upstream failure that surely did nothing', new UpstreamFailure(429, meaning(false)), false],
    ['invalid input', new ValidationFailedError([{ name: 'x', reason: 'y' }]), false],
    ['anything else', new Error('x'), false],
  ])('%s: %s', (_case, error, expected) => {
    expect(mayHaveReachedIsales(error)).toBe(expected);
  });
});

describe('a kept problem', () => {
  it('is answered again as it was, upstream code and Retry-After included', () => {
    const original = new UpstreamFailure(502, meaning(true));
    const replayed = new ReplayedProblemError(toStoredProblem(original));
    expect({ ...replayed, name: undefined }).toMatchObject({ slug: original.slug, title: original.title, status: 502, detail: original.detail });
    expect(replayed.upstream).toEqual(original.upstream);
    const limited = new UpstreamFailure(429, meaning(false), 1);
    expect(new ReplayedProblemError(toStoredProblem(limited)).retryAfterS).toBe(1);
  });
});

describe('what a success keeps', () => {
  const request = { type: 'manual', calledNumber: '13800000001', agent: '116', nested: { a: 1, b: [1, 2] }, secret: { password: 'p', user: 'u' } };

  it('keeps the fields that repeat the request by name only, and a replay gives them back in order', () => {
    const body = { id: '42', calledNumber: '13800000001', agent: '116', nested: { b: [1, 2], a: 1 }, type: 'manual-normalised' };
    const kept = toStoredSuccess(body, request, '/x/42');
    expect(JSON.stringify(kept)).not.toContain('13800000001');
    expect(kept).toEqual({
      kind: 'success',
      fields: [['id', '42'], ['calledNumber'], ['agent'], ['nested'], ['type', 'manual-normalised']],
      location: '/x/42',
    });
    expect(JSON.stringify(replayedBody(kept as Extract<StoredAnswer, { kind: 'success' }>, { ...request }))).toBe(
      JSON.stringify({ id: '42', calledNumber: '13800000001', agent: '116', nested: { a: 1, b: [1, 2] }, type: 'manual-normalised' }),
    );
  });

  it('keeps a value holding a secret as it is (the fingerprint does not cover secrets), and a body that is not an object', () => {
    expect(toStoredSuccess({ secret: { password: 'p', user: 'u' } }, request)).toEqual({ kind: 'success', fields: [['secret', { password: 'p', user: 'u' }]] });
    expect(toStoredSuccess([1, 2], request)).toEqual({ kind: 'success', body: [1, 2] });
    expect(replayedBody({ kind: 'success', body: [1, 2] }, request)).toEqual([1, 2]);
  });

  it('keeps only that it succeeded (and where) when the answer is larger than the cap', () => {
    const large = toStoredSuccess({ items: 'x'.repeat(500) }, {}, '/x/1');
    expect(withinRecordLimit(large, 1024)).toBe(large);
    expect(withinRecordLimit(large, 256)).toEqual({ kind: 'not-kept', bytes: Buffer.byteLength(JSON.stringify(large)), location: '/x/1' });
    const problem: StoredAnswer = { kind: 'problem', problem: { status: 502, slug: 's', title: 't', detail: 'd'.repeat(500) } };
    expect(withinRecordLimit(problem, 256)).toBe(problem);
  });
});
