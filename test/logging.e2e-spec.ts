import { eventually } from './support/eventually';
import { credentialsDocument, credentialsEnv, MountedSecret, simulatorCredentials } from './support/credentials-files';
import { runGatewayUntilExit } from './support/gateway-process';
import { TEST_SK, useStack } from './support/harness';
import { jsonInit } from './support/json-request';

const PASSWORD = 'Sftp-Pa55word-never-logged';
const CALLED = '13812345678';
const CALL_DATA = 'private-call-data-value';

// Logs and problem bodies never carry the SK, a signature, a caller's credentials, a password or a full phone number.
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

  it('never logs, echoes or puts in a problem a password, a called number or callData of a write', async () => {
    const since = stack.gateway.logs.mark();
    const servers = '/api/v1/vdns/1/file-servers';
    const appointments = '/api/v1/vdns/1/appointments';
    const server = { host: '10.77.0.1', port: 22, path: '/in', username: 'logtest', password: PASSWORD };
    const appointment = {
      type: 'automatic',
      calledNumber: CALLED,
      agent: '116',
      taskId: '1106025109',
      appointedAt: new Date(Date.now() + 86_400_000).toISOString(),
      callData: { note: CALL_DATA },
    };
    const writes: Array<[string, string, unknown, Record<string, string>?]> = [
      ['POST', servers, server, { 'idempotency-key': 'log-1' }],
      ['POST', servers, server, { 'idempotency-key': 'log-1' }],
      ['POST', servers, server],
      ['POST', servers, { ...server, password: 'short' }],
      ['POST', servers, { ...server, password: `${PASSWORD}${'x'.repeat(80)}` }],
      ['POST', servers, { ...server, port: 'not-a-port' }],
      ['POST', servers, `{"password":"${PASSWORD}","host":`],
      ['PUT', `${servers}/164690088271159234793429225848`, { ...server, host: '10.10.10.10' }],
      ['PUT', `${servers}/164690088271159234793429225848`, { ...server, host: 'elsewhere', password: undefined }],
      ['POST', appointments, appointment],
      ['POST', appointments, { ...appointment, type: 'manual' }],
      ['POST', appointments, { ...appointment, calledNumber: `${CALLED}x` }],
      ['PUT', `${appointments}/174730253678826340158055543045/result`, { callerNumber: CALLED, failCode: 'nope' }],
    ];
    // A created reservation is answered with its called number; a password is never answered.
    const answers: string[] = [];
    const problems: string[] = [];
    const send = async (method: string, path: string, body: unknown, headers?: Record<string, string>) => {
      const response = await stack.request(path, jsonInit(method, body, headers));
      (response.ok ? answers : problems).push(await response.text());
    };
    for (const [method, path, body, headers] of writes) await send(method, path, body, headers);
    stack.simulator.setFault('addServer', { httpStatus: 500 });
    await send('POST', servers, server);
    stack.simulator.setFault('appointCreate', { resultCode: '04000002', resultDesc: 'Invalid called number' });
    await send('POST', appointments, appointment);
    stack.simulator.clearFaults();

    const lines = since();
    expect(lines.filter((line) => line.includes('"audit":true')).length).toBeGreaterThanOrEqual(writes.length);
    expect(answers.length).toBeGreaterThan(2);
    expect(problems.length).toBeGreaterThan(8);
    for (const text of answers) expect(text).not.toContain(PASSWORD);
    for (const text of [...lines, ...problems]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('Sftp-Pa55');
      expect(text).not.toContain(CALLED);
      expect(text).not.toContain(CALL_DATA);
      expect(text).not.toContain(TEST_SK);
    }
  });
});

// A whole gateway process loads before it reads its configuration: slow on a shared machine.
const PROCESS_TIMEOUT_MS = 60_000;

describe('what the gateway logs about its iSales credentials', () => {
  const secrets = ['sk-first-0123456789', 'sk-second-0123456789', 'sk-rotated-0123456789', 'sk-in-broken-file', 'sk-overlapping'];
  const expectNoSecret = (text: string) => {
    for (const sk of secrets) expect(text).not.toContain(sk);
  };

  it.each([
    [
      'a VDN listed by two pairs',
      { ISALES_CREDENTIALS: credentialsDocument({ ak: 'a', sk: secrets[0], vdns: [1] }, { ak: 'b', sk: secrets[1], vdns: [1] }) },
      'ISALES_CREDENTIALS: VDN 1 is listed by pairs 1 and 2',
    ],
    ['malformed JSON', { ISALES_CREDENTIALS: `[{"ak":"a","sk":"${secrets[0]}",}]` }, 'ISALES_CREDENTIALS: is not valid JSON'],
  ])(
    'start-up refused for %s: exits 78 naming the variable, printing no SK',
    async (_name, env, expected) => {
      const { code, output } = await runGatewayUntilExit({ ISALES_BASE_URL: 'http://127.0.0.1:1', ...env });
      expect(code).toBe(78);
      expect(output).toContain(expected);
      expectNoSecret(output);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'start-up refused for a malformed file: names ISALES_CREDENTIALS_FILE, printing no SK',
    async () => {
      const secret = new MountedSecret(`[{"ak":"a","sk":"${secrets[3]}"`);
      try {
        const { code, output } = await runGatewayUntilExit({ ISALES_BASE_URL: 'http://127.0.0.1:1', ISALES_CREDENTIALS_FILE: secret.path });
        expect(code).toBe(78);
        expect(output).toContain('ISALES_CREDENTIALS_FILE: is not valid JSON');
        expectNoSecret(output);
      } finally {
        secret.remove();
      }
    },
    PROCESS_TIMEOUT_MS,
  );

  describe('rotations and broken files', () => {
    const first = { ak: 'ak-logged', sk: secrets[0], vdns: '*' as const };
    const secret = new MountedSecret(credentialsDocument(first));
    const stack = useStack({ simulator: simulatorCredentials([first]), env: credentialsEnv({ ISALES_CREDENTIALS_FILE: secret.path }) });
    afterAll(() => secret.remove());

    it('logs each reload and each rejected file without any SK', async () => {
      const since = stack.gateway.logs.mark();
      const logged = (message: string) => () => since().filter((line) => line.includes(message)).length;
      const reloads = logged('iSales credentials reloaded');
      const rejections = logged('iSales credentials file rejected');

      const rotated = { ...first, sk: secrets[2] };
      stack.simulator.setCredentials([rotated]);
      secret.write(credentialsDocument(rotated));
      await eventually('reloaded', () => reloads() === 1);
      expect((await stack.get('/api/v1/vdns/1/file-servers')).status).toBe(200);

      secret.write(`[{"ak":"ak-logged","sk":"${secrets[3]}"`);
      await eventually('rejected the broken JSON', () => rejections() === 1);
      secret.write(credentialsDocument({ ...first, sk: secrets[4], vdns: [1] }, { ak: 'other', sk: secrets[1], vdns: [1] }));
      await eventually('rejected the overlapping VDNs', () => rejections() === 2);
      expect((await stack.get('/api/v1/vdns/1/file-servers')).status).toBe(200);

      const logs = since().join('\n');
      expect(logs).toContain('VDN 1 is listed by pairs 1 and 2');
      expect(logs).toContain('ISALES_CREDENTIALS_FILE');
      expectNoSecret(logs);
      expect(logs).not.toContain('auth-v2/');
    });
  });
});
