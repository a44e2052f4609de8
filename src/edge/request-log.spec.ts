import pino from 'pino';
import type { LogLevel } from '../config/app.config';
import { LOG_BASE, loggerOptions } from '../telemetry/logger.options';
import { RequestLogFields, RequestLogWriter } from './request-log';

const TIME = 1700000000000;

/**
 * The application's pino logger as nestjs-pino builds it from loggerOptions (level, base, mixin,
 * redaction; a fixed time), and the access log built from the same settings, each writing to an
 * array.
 */
function both(level: LogLevel, mixin: () => Record<string, unknown>): { pino: pino.Logger; writer: RequestLogWriter; pinoLines: string[]; lines: string[] } {
  const pinoLines: string[] = [];
  const lines: string[] = [];
  const options = loggerOptions(level).pinoHttp as pino.LoggerOptions;
  const logger = pino({ ...options, mixin, timestamp: () => `,"time":${TIME}` }, { write: (line: string) => void pinoLines.push(line) });
  const writer = new RequestLogWriter({ level, destination: { write: (line: string) => lines.push(line) }, base: LOG_BASE, mixin, now: () => TIME });
  return { pino: logger, writer, pinoLines, lines };
}

const fields: RequestLogFields = {
  requestId: 'req-1',
  method: 'GET',
  url: '/api/v1/vdns/1/x?q="quoted"\n\u2028\u0000é\\',
  route: '/api/v1/vdns/:vdnId/x',
  client: '127.0.0.1',
  upstream: [
    { operation: 'queryServer', outcome: 'success', ms: 3.2 },
    { operation: 'queryServer', outcome: 'isales-error', code: '02000001', ms: 12 },
  ],
  status: 200,
  principal: 'key:crm',
  authFailure: undefined,
  ms: 4.5,
};

describe('RequestLogWriter', () => {
  it('writes exactly the line the application logger writes for the same fields', () => {
    const log = both('info', () => ({ requestId: 'req-1' }));
    log.writer.write(fields);
    log.pino.info(fields, 'request completed');
    expect(log.lines).toEqual(log.pinoLines);
    expect(JSON.parse(log.lines[0])).toEqual({
      level: 30,
      time: TIME,
      pid: process.pid,
      hostname: expect.any(String),
      ...fields,
      authFailure: undefined,
      msg: 'request completed',
    });
    expect(log.lines[0]).not.toContain('authFailure');
  });

  it('writes a 5xx at warn, as pino does, with the trace ids of the mixin', () => {
    const log = both('info', () => ({ requestId: 'req-1', traceId: 'trace-1', spanId: 'span-1' }));
    const failed = { ...fields, status: 502, upstream: undefined, principal: undefined, authFailure: 'unknown-api-key', ms: Number.NaN };
    log.writer.write(failed);
    log.pino.warn(failed, 'request completed');
    expect(log.lines).toEqual(log.pinoLines);
    expect(JSON.parse(log.lines[0])).toMatchObject({ level: 40, traceId: 'trace-1', authFailure: 'unknown-api-key', ms: null });
  });

  it('puts the request id where pino puts it when the mixin gives none (outside a request context)', () => {
    for (const mixin of [() => ({}), () => ({ traceId: 'trace-1', spanId: undefined })]) {
      const log = both('info', mixin);
      log.writer.write(fields);
      log.pino.info(fields, 'request completed');
      expect(log.lines).toEqual(log.pinoLines);
    }
  });

  it('writes nothing below the log level', () => {
    const log = both('warn', () => ({}));
    log.writer.write(fields);
    expect(log.lines).toEqual([]);
    log.writer.write({ ...fields, status: 503 });
    log.pino.warn({ ...fields, status: 503 }, 'request completed');
    expect(log.lines).toEqual(log.pinoLines);
    const silent = both('silent', () => ({}));
    silent.writer.write({ ...fields, status: 503 });
    expect(silent.lines).toEqual([]);
  });
});
