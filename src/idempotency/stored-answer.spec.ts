import { ValidationFailedError } from '../common/errors/gateway-error';
import { IsalesBadResponseError, IsalesBusinessError, IsalesHttpError, IsalesTimeoutError, IsalesUnreachableError } from '../upstream/isales.errors';
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

describe('mayHaveReachedIsales', () => {
  it.each([
    ['a business refusal', new IsalesBusinessError('addServer', '0200001', 'x', 'invalid'), true],
    ['an unknown business code', new IsalesBusinessError('addServer', '0299999', 'x', undefined), true],
    ['"called too fast"', new IsalesBusinessError('addServer', '0200022', 'x', 'rate-limited'), false],
    ['HTTP 503', new IsalesHttpError('addServer', 503), true],
    ['HTTP 500', new IsalesHttpError('addServer', 500), true],
    ['HTTP 429', new IsalesHttpError('addServer', 429), false],
    ['HTTP 401', new IsalesHttpError('addServer', 401), false],
    ['a timeout', new IsalesTimeoutError('addServer', 1000), true],
    ['an unreadable answer', new IsalesBadResponseError('addServer', 'x'), true],
    ['a reset connection', new IsalesUnreachableError('addServer', 'ECONNRESET'), true],
    ['a refused connection', new IsalesUnreachableError('addServer', 'ECONNREFUSED', true), false],
    ['invalid input', new ValidationFailedError([{ name: 'x', reason: 'y' }]), false],
    ['anything else', new Error('x'), false],
  ])('%s: %s', (_case, error, expected) => {
    expect(mayHaveReachedIsales(error)).toBe(expected);
  });
});

describe('a kept problem', () => {
  it('is answered again as it was, upstream code and Retry-After included', () => {
    const original = new IsalesHttpError('addServer', 503);
    const replayed = new ReplayedProblemError(toStoredProblem(original));
    expect({ ...replayed, name: undefined }).toMatchObject({ slug: original.slug, title: original.title, status: 502, detail: original.detail });
    expect(replayed.upstream).toEqual(original.upstream);
    const limited = new IsalesBusinessError('addServer', '0200022', 'x', 'rate-limited');
    expect(new ReplayedProblemError(toStoredProblem(limited)).retryAfterS).toBe(1);
  });
});
