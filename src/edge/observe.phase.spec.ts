import { loggedUrl, MAX_LOGGED_URL } from './observe.phase';
import { connectionsCheckingInterval } from './server-options';

describe('loggedUrl', () => {
  it('cuts a long URL and masks called numbers', () => {
    expect(loggedUrl('/api/v1/vdns/1/file-servers')).toBe('/api/v1/vdns/1/file-servers');
    expect(loggedUrl(`/x/${'a'.repeat(8000)}`)).toHaveLength(MAX_LOGGED_URL + 3);
    expect(loggedUrl('/api/v1/vdns/1/appointments?calledNumber=13812345678')).toBe('/api/v1/vdns/1/appointments?calledNumber=*******5678');
    expect(loggedUrl('/api/v1/vdns/1/blocked-numbers/13812345678')).toBe('/api/v1/vdns/1/blocked-numbers/*******5678');
    expect(loggedUrl('/api/v1/vdns/1/blocked-numbers?numbers=13812345678,13900001111')).toBe(
      '/api/v1/vdns/1/blocked-numbers?numbers=*******5678%2C*******1111',
    );
    expect(loggedUrl('/api/v1/vdns/1/blocked-numbers?page=2')).toBe('/api/v1/vdns/1/blocked-numbers?page=2');
  });
});

describe('connectionsCheckingInterval', () => {
  it('checks often enough that a trickling body is cut soon after its timeout', () => {
    expect(connectionsCheckingInterval(10000)).toBe(1000);
    expect(connectionsCheckingInterval(1000)).toBe(250);
    expect(connectionsCheckingInterval(600000)).toBe(2000);
  });
});
