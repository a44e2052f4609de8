import { upstreamResultOf } from './isales-outcome';
import { IsalesBadResponseError, IsalesBusinessError, IsalesHttpError, IsalesTimeoutError, IsalesUnreachableError } from './isales.errors';

describe('upstreamResultOf', () => {
  it.each([
    [undefined, { outcome: 'success', httpStatus: 200, code: '0200000' }],
    [new IsalesBusinessError('queryServer', '0200001', 'Parameter error', 'invalid'), { outcome: 'business_error', httpStatus: 200, code: '0200001' }],
    [new IsalesHttpError('queryServer', 503), { outcome: 'http_error', httpStatus: 503 }],
    [new IsalesTimeoutError('queryServer', 500), { outcome: 'timeout' }],
    [new IsalesUnreachableError('queryServer', 'ECONNREFUSED'), { outcome: 'unreachable' }],
    [new IsalesBadResponseError('queryServer', 'not JSON'), { outcome: 'bad_response', httpStatus: 200 }],
  ])('%p -> %p', (error, expected) => {
    expect(upstreamResultOf(error)).toEqual(expected);
  });
});
