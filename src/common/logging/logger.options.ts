import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LogLevel } from '../../config/app.config';

/** Query parameters whose values are personal data: logged with all but the last four characters masked. */
const MASKED_QUERY_PARAMS = ['calledNumber'];

export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let changed = false;
  for (const name of MASKED_QUERY_PARAMS) {
    const value = params.get(name);
    if (value !== null) {
      params.set(name, value.length > 4 ? '*'.repeat(value.length - 4) + value.slice(-4) : '****');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, q)}?${params.toString()}` : url;
}

export function loggerOptions(level: LogLevel, stream?: DestinationStream): Params {
  return {
    // nestjs-pino's default route pattern does not match under Nest 12's Fastify adapter; this one matches every path.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    // Probes every few seconds would drown the request log.
    exclude: [{ path: 'health/{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      stream,
      genReqId: (req: IncomingMessage) => String((req as IncomingMessage & { id?: unknown }).id ?? ''),
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'warn' : 'info',
      // pino-http invents an Error with a stack for every 5xx; the filter already logged the real cause.
      customErrorObject: (_req: IncomingMessage, _res: ServerResponse, _error: Error, value: Record<string, unknown>) => {
        const { err: _synthetic, ...rest } = value;
        return rest;
      },
      serializers: {
        // Only what an operator needs: never headers (Authorization, cookies) nor raw query values.
        req: (req: { id?: unknown; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          url: maskUrl(req.url ?? ''),
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['*.authorization', '*.Authorization', '*.sk', 'headers.authorization'], censor: '[redacted]' },
    },
  };
}
