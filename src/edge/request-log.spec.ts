import pino, { type Logger } from 'pino';
import { RequestLogFields, RequestLogWriter } from './request-log';

/** A logger like the gateway's (bindings, a mixin, redaction on the root), writing to an array. */
function capture(options: pino.LoggerOptions = {}): { lines: string[]; logger: Logger } {
  const lines: string[] = [];
  const stream = { write: (line: string) => void lines.push(line) };
  const root = pino(
    {
      timestamp: () => ',"time":1700000000000',
      mixin: () => ({ requestId: 'req-1', traceId: 'trace-1' }),
      redact: { paths: ['*.authorization', '*.sk'], censor: '[redacted]' },
      ...options,
    },
    stream,
  );
  return { lines, logger: root.child({}, { redact: [] }) };
}

const isFast = (writer: RequestLogWriter) => (writer as unknown as { fast: boolean }).fast;

const fields: RequestLogFields = {
  requestId: 'req-1',
  method: 'GET',
  url: '/api/v1/vdns/1/x?q="quoted"\n\u2028\u0000é',
  route: '/api/v1/vdns/:vdnId/x',
  client: '127.0.0.1',
  upstream: [{ operation: 'queryServer', outcome: 'success', ms: 3.2 }],
  status: 200,
  principal: 'key:crm',
  authFailure: undefined,
  ms: 4.5,
};

describe('RequestLogWriter', () => {
  it('writes exactly the line pino writes for the same fields', () => {
    const fast = capture();
    const slow = capture();
    const writer = new RequestLogWriter(fast.logger);
    expect(isFast(writer)).toBe(true);
    writer.write(fields);
    slow.logger.info(fields, 'request completed');
    expect(fast.lines).toEqual(slow.lines);
    expect(JSON.parse(fast.lines[0])).toEqual({
      level: 30,
      time: 1700000000000,
      pid: process.pid,
      hostname: expect.any(String),
      traceId: 'trace-1',
      ...fields,
      authFailure: undefined,
      msg: 'request completed',
    });
    expect(fast.lines[0]).not.toContain('authFailure');
  });

  it('writes a 5xx at warn, with the request id where pino puts it when no mixin gives one', () => {
    const fast = capture({ mixin: () => ({ traceId: 'trace-1' }) });
    const slow = capture({ mixin: () => ({ traceId: 'trace-1' }) });
    const failed = { ...fields, status: 502, upstream: undefined, principal: undefined, authFailure: 'unknown-api-key' };
    new RequestLogWriter(fast.logger).write(failed);
    slow.logger.warn(failed, 'request completed');
    expect(fast.lines).toEqual(slow.lines);
    expect(JSON.parse(fast.lines[0])).toMatchObject({ level: 40, authFailure: 'unknown-api-key' });
  });

  it('writes nothing below the logger level', () => {
    const { lines, logger } = capture({ level: 'warn' });
    const writer = new RequestLogWriter(logger);
    writer.write(fields);
    expect(lines).toEqual([]);
    writer.write({ ...fields, status: 503 });
    expect(lines).toHaveLength(1);
  });

  it('leaves a logger it cannot reproduce to pino', () => {
    const { lines, logger } = capture({ formatters: { log: (object) => ({ ...object, formatted: true }) } });
    const formatting = new RequestLogWriter(logger);
    expect(isFast(formatting)).toBe(false);
    formatting.write(fields);
    expect(JSON.parse(lines[0])).toMatchObject({ formatted: true, status: 200, msg: 'request completed' });
    const redacting = capture();
    const withRedaction = redacting.logger.child({}, { redact: ['principal'] });
    new RequestLogWriter(withRedaction).write(fields);
    expect(JSON.parse(redacting.lines[0])).toMatchObject({ principal: '[Redacted]' });
  });
});
