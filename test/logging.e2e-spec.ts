import { TEST_SK, useStack } from './support/harness';

// Logs and problem bodies never carry the SK, a signature, a caller's credentials or a full phone number.
describe('what the gateway logs and answers', () => {
  const stack = useStack();

  it('keeps secrets and phone numbers out of every log line and problem body', async () => {
    const since = stack.gateway.logs.mark();
    const bodies: string[] = [];
    const requests: Array<[string, RequestInit?]> = [
      ['/api/v1/vdns/1/file-servers', { headers: { authorization: 'Bearer caller-token-123' } }],
      ['/api/v1/vdns/1/appointments?calledNumber=13812345678'],
      ['/api/v1/vdns/1/appointments?calledNumber=13812345678&from=nonsense'],
      ['/api/v1/vdns/1/blacklist-import-tasks?pageSize=1000'],
    ];
    for (const [path, init] of requests) bodies.push(await (await stack.get(path, init)).text());
    stack.simulator.setFault('queryServer', { httpStatus: 401 });
    bodies.push(await (await stack.get('/api/v1/vdns/1/file-servers')).text());
    stack.simulator.setFault('queryServer', { drop: true });
    bodies.push(await (await stack.get('/api/v1/vdns/1/file-servers')).text());
    stack.simulator.clearFaults();

    const logs = since().join('\n');
    expect(logs).toContain('request completed');
    for (const text of [logs, ...bodies]) {
      expect(text).not.toContain(TEST_SK);
      expect(text).not.toContain('auth-v2/');
      expect(text).not.toContain('caller-token-123');
      expect(text).not.toContain('13812345678');
    }
    for (const body of bodies) expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/);
    expect(logs).toContain('*******5678');
  });
});
