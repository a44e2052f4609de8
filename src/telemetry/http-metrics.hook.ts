import type { FastifyInstance } from 'fastify';
import { observeHttpRequest } from './metrics';
import { routeOf } from './route-label';

/** http_server_request_duration_seconds for every answered request, health probes included. */
export function observeRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    observeHttpRequest(request.method, routeOf(request), reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
