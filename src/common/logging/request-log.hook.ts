import type { FastifyInstance } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { RequestContext } from '../request/request-context';
import { routeOf } from '../../telemetry/route-label';
import { maskUrl } from './logger.options';

/**
 * One line per answered request: id, method, URL (personal query values masked), route template,
 * the iSales calls it made (operation, outcome, code, time), status and time.
 * Never headers, so no Authorization, API key or cookie: the principal is named by its id. Health probes are left out: every few seconds per
 * pod they would drown everything else.
 */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = reply.statusCode >= 500 ? 'warn' : 'info';
    const logger = PinoLogger.root;
    if (logger.isLevelEnabled(level) && !request.url.startsWith('/health/')) {
      logger[level](
        {
          requestId: String(request.id),
          // Plain fields: pino's standard req/res serializers expect Node's own objects.
          method: request.method,
          url: maskUrl(request.url),
          route: routeOf(request),
          upstream: RequestContext.upstreamCalls(),
          status: reply.statusCode,
          // The principal's id (never its token or key) and, when refused, the stable reason.
          principal: request.auth?.principal?.id,
          authFailure: request.auth?.failure ?? undefined,
          ms: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request completed',
      );
    }
    done();
  });
}
