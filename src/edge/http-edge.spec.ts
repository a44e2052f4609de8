import { helmetHeaders } from './http-edge';

describe('helmetHeaders', () => {
  it('computes helmet\u2019s headers once, with the options given', () => {
    const headers = helmetHeaders({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } });
    expect(headers).toMatchObject({
      'x-frame-options': 'SAMEORIGIN',
      'x-content-type-options': 'nosniff',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(Object.keys(headers)).not.toContain('x-powered-by');
  });
});
