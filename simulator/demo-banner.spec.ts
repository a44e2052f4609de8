import { demoBanner } from './demo-banner';

describe('the demo banner', () => {
  const urls = { gatewayUrl: 'http://localhost:3000', simulatorUrl: 'http://127.0.0.1:18080', metricsUrl: 'http://localhost:9464/metrics' };

  it('names Swagger UI, the OpenAPI document, metrics and the demo key', () => {
    const banner = demoBanner({ ...urls, apiKey: 'demo-key-123' });
    expect(banner).toContain('Swagger UI        http://localhost:3000/docs\n');
    expect(banner).toContain('OpenAPI document  http://localhost:3000/docs/openapi.json\n');
    expect(banner).toContain('metrics           http://localhost:9464/metrics\n');
    expect(banner).toContain('demo API key      demo-key-123 ');
    expect(banner).toContain(`curl -H 'X-API-Key: demo-key-123' 'http://localhost:3000/api/v1/vdns/1/file-servers'`);
  });

  it('says so when no key is needed', () => {
    const banner = demoBanner({ ...urls, apiKey: undefined });
    expect(banner).toContain('demo API key      (none needed');
    expect(banner).toContain(`try               curl 'http://localhost:3000/api/v1/vdns/1/file-servers'`);
  });
});
