import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyServerOptions } from 'fastify';
import { clientErrorHandler, frameworkErrors, MAX_PARAM_LENGTH } from './edge-errors';
import { HTTP_LIMITS } from './http-edge';
import { REQUEST_ID_HEADER, requestIdFrom } from '../common/request/request-context';
import { EdgeConfig } from '../config/edge.config';
import { TrustFunction } from './client-address';
import type { MemoryLane } from './memory-lane';
import { parseQuery } from './query-string';

/**
 * How often Node looks for requests past their timeouts. Its default (30 s) lets a trickling body
 * outlive HTTP_REQUEST_TIMEOUT_MS by up to that much; a tenth of the headers timeout, within 250 ms
 * to 2 s, keeps the overshoot small at a negligible cost.
 */
export function connectionsCheckingInterval(headersTimeoutMs: number): number {
  return Math.min(2000, Math.max(250, Math.floor(headersTimeoutMs / 10)));
}

/**
 * The Fastify (and Node HTTP server) options the edge needs: request id, trusted proxies (a
 * function, as Fastify 5.12's numeric form trusts nothing), the bounds of docs/design.md section 14,
 * the router's refusals as problems, and the server with the memory lane (section 16) in front.
 */
export function serverOptions(config: EdgeConfig, trusted: TrustFunction, memoryLane: MemoryLane): FastifyServerOptions {
  const limits = config.server;
  return {
    genReqId: (req: IncomingMessage) => requestIdFrom(req.headers[REQUEST_ID_HEADER]),
    // The edge writes the one line per request (the observe phase); Fastify's own request logging
    // would call its logger (a no-op here) twice per request, reading the elapsed time for nothing.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trusted,
    return503OnClosing: true,
    bodyLimit: limits.bodyLimitBytes,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH, querystringParser: parseQuery },
    // Node's server, built as Fastify would build it, with the memory lane's listener before Fastify's.
    serverFactory: memoryLane.serverFactory,
    http: {
      maxHeaderSize: HTTP_LIMITS.maxHeaderBytes,
      // Node answers a missing Host with a bare 400; the shield phase answers it as a problem instead.
      requireHostHeader: false,
      headersTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval: connectionsCheckingInterval(limits.headersTimeoutMs),
    },
    frameworkErrors,
    clientErrorHandler,
  } as FastifyServerOptions;
}
