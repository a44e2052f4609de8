import { GatewayError, ValidationFailedError } from '../common/errors/gateway-error';
import type { UpstreamMeaning } from '../common/errors/upstream-meaning';
import { fingerprintOf, mayHaveReachedIsales, ReplayedProblemError, toStoredProblem } from './stored-answer';

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
