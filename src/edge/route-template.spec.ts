import { RouteTemplate } from './route-template';

describe('RouteTemplate', () => {
  const template = new RouteTemplate('/api/v1/vdns/:vdnId/things/:code');

  it('matches a path in its plain form, with its parameters', () => {
    expect(template.match('/api/v1/vdns/2/things/a-b.c~d_e')).toEqual({ vdnId: '2', code: 'a-b.c~d_e' });
    expect(new RouteTemplate('/health/live').match('/health/live')).toEqual({});
    expect(new RouteTemplate('/items/:id').match('/items/7')).toEqual({ id: '7' });
  });

  it.each([
    ['a trailing slash', '/api/v1/vdns/2/things/x/'],
    ['a doubled slash', '/api/v1//vdns/2/things/x'],
    ['an empty parameter', '/api/v1/vdns//things/x'],
    ['a percent-encoded parameter', '/api/v1/vdns/%32/things/x'],
    ['a delimiter', '/api/v1/vdns/2;x/things/x'],
    ['another literal', '/api/v1/vdns/2/others/x'],
    ['fewer segments', '/api/v1/vdns/2/things'],
    ['more segments', '/api/v1/vdns/2/things/x/y'],
    ['a parameter over the router’s bound', `/api/v1/vdns/${'1'.repeat(129)}/things/x`],
    ['another case', '/API/v1/vdns/2/things/x'],
  ])('leaves %s to the router', (_case, path) => {
    expect(template.match(path)).toBeUndefined();
  });

  it('knows which templates the router prefers for some of its paths', () => {
    const list = new RouteTemplate('/api/v1/vdns/:vdnId/things');
    expect(list.shadowedBy('/api/v1/vdns/all/things')).toBe(true);
    expect(list.shadowedBy('/api/v1/vdns/:id/things')).toBe(false);
    expect(list.shadowedBy('/api/v1/vdns/:vdnId/things')).toBe(false);
    expect(list.shadowedBy('/api/v1/vdns/:vdnId/others')).toBe(false);
    expect(list.shadowedBy('/api/v2/vdns/all/things')).toBe(false);
    expect(list.shadowedBy('/api/v1/vdns/:vdnId')).toBe(false);
    expect(new RouteTemplate('/a/:x/:y').shadowedBy('/a/:x/c')).toBe(true);
  });
});
