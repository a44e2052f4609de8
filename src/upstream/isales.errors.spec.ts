import { mayRetry } from '../common/errors/upstream-meaning';
import { IsalesBadResponseError, IsalesBusinessError, IsalesHttpError, IsalesTimeoutError, IsalesUnreachableError } from './isales.errors';
import { IsalesBusyError, IsalesCircuitOpenError, IsalesQuotaExhaustedError } from './resilience.errors';

// The one classification of upstream failures (docs/design.md section 15): what the breaker counts, what a
// retry may repeat (a read / a write), what idempotency keeps, and the outcome metrics record.
describe('what each upstream failure means', () => {
  it.each([
    ['a business refusal', new IsalesBusinessError('addServer', '0200001', 'x', 'invalid'), 'business_error', true, false, false, false],
    ['an unknown business code', new IsalesBusinessError('addServer', '0299999', 'x', undefined), 'business_error', true, false, false, false],
    ['"called too fast"', new IsalesBusinessError('addServer', '0200022', 'x', 'rate-limited'), 'business_error', false, false, false, false],
    ['HTTP 503', new IsalesHttpError('addServer', 503), 'http_error', true, true, true, false],
    ['HTTP 500', new IsalesHttpError('addServer', 500), 'http_error', true, true, true, false],
    ['HTTP 429', new IsalesHttpError('addServer', 429), 'http_error', false, false, true, false],
    ['HTTP 401', new IsalesHttpError('addServer', 401), 'http_error', false, false, false, false],
    ['HTTP 404', new IsalesHttpError('addServer', 404), 'http_error', false, false, false, false],
    ['a timeout', new IsalesTimeoutError('addServer', 1000), 'timeout', true, true, true, false],
    ['an unreadable answer', new IsalesBadResponseError('addServer', 'x'), 'bad_response', true, false, false, false],
    ['a reset connection', new IsalesUnreachableError('addServer', 'ECONNRESET'), 'unreachable', true, true, true, false],
    ['a refused connection', new IsalesUnreachableError('addServer', 'ECONNREFUSED', true), 'unreachable', false, true, true, true],
    ['an open circuit', new IsalesCircuitOpenError('addServer', 3), 'circuit_open', false, false, false, false],
    ['a full bulkhead', new IsalesBusyError('addServer'), 'rejected', false, false, false, false],
    ['a spent quota', new IsalesQuotaExhaustedError('addServer'), 'rejected', false, false, false, false],
  ])('%s', (_case, error, outcome, reached, counts, readRetried, writeRetried) => {
    const meaning = error.upstreamMeaning;
    expect(meaning).toMatchObject({ outcome, mayHaveReachedIsales: reached, countsAgainstBreaker: counts });
    expect([mayRetry(meaning, true), mayRetry(meaning, false)]).toEqual([readRetried, writeRetried]);
  });
});
