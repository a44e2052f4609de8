import { useStack } from './support/harness';

const NUMBER = '8613812345678';
const APPOINTMENTS = '/api/v1/vdns/1/appointments';

/**
 * The access log masks what the gateway understood, not the text it was sent: every spelling of
 * calledNumber the query parser accepts (or that a route refuses) leaves no number in a log line.
 */
describe('called numbers in the query never reach a log line (gateway + simulator over HTTP)', () => {
  const stack = useStack();

  it.each([
    ['calledNumber', `calledNumber=${NUMBER}`, 200],
    ['called%4Eumber', `called%4Eumber=${NUMBER}`, 200],
    ['%63alledNumber', `%63alledNumber=${NUMBER}`, 200],
    ['mixed escapes', `%63alled%4eumber=${NUMBER}`, 200],
    ['an escaped value', `calledNumber=${[...NUMBER].map((d) => `%3${d}`).join('')}`, 200],
    ['duplicates', `calledNumber=${NUMBER}&called%4Eumber=${NUMBER}`, 400],
    ['calledNumber[]', `calledNumber[]=${NUMBER}`, 400],
    ['another case', `CalledNumber=${NUMBER}`, 400],
  ])('%s', async (_case, query, status) => {
    const since = stack.gateway.logs.mark();
    const response = await stack.get(`${APPOINTMENTS}?${query}`);
    expect(response.status).toBe(status);
    const requestId = response.headers.get('x-request-id');
    if (status === 200) {
      expect(stack.simulator.requests.filter((r) => r.operation === 'appointList').map((r) => (JSON.parse(r.body) as { calledNo?: string }).calledNo)).toEqual([
        NUMBER,
      ]);
    }
    const lines = since();
    const accessLine = lines.find((line) => line.includes(`"requestId":"${requestId}"`) && line.includes('"url"'));
    expect(accessLine).toBeDefined();
    const text = lines.join('\n');
    expect(text).not.toContain(NUMBER.slice(0, 6));
    expect(text.toLowerCase()).not.toContain('%38%36%31');
    expect(decodeURIComponent(text.replace(/%(?![0-9a-fA-F]{2})/g, '%25'))).not.toContain(NUMBER.slice(0, 6));
  });
});
