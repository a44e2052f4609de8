import cors from '@fastify/cors';
import { NotFoundException } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Cluster, Redis } from 'ioredis';
import { Authenticator } from '../auth/authenticator';
import { answerNodeRefusalsAsProblems } from './edge-errors';
import { CORS_EXPOSED_HEADERS, CORS_REQUEST_HEADERS } from './http-edge';
import { allowedMethods, trackRouteMethods } from './route-methods';
import { genericProblem, instanceOf } from '../common/errors/generic-problem';
import { PROBLEM_CONTENT_TYPE } from '../common/errors/problem';
import { EdgeConfig } from '../config/edge.config';
import { activeTracer } from '../telemetry/tracer';
import { AdmitPhase } from './admit.phase';
import { TrustFunction } from './client-address';
import { IdentifyPhase, runHandlerInRequestContext } from './identify.phase';
import { LimitPhase } from './limit.phase';
import { ObservePhase } from './observe.phase';
import { ProbeBudget } from './probe-budget';
import { RequestLogWriter } from './request-log';
import { installReadPhase } from './read.phase';
import { compileRoutePolicies, policyOf, POLICY } from './route-policy';
import { ShieldPhase } from './shield.phase';
import { CallbackGate } from './callback-gate';
import type { MemoryRoute } from './direct-routes';
import type { MemoryLane } from './memory-lane';

/** What a step returns when it has sent the answer itself: the remaining steps and hooks do not run. */
const ANSWERED = 'answered';

/**
 * A step of `onRequest`: returns a promise only when it has to wait; refuses by throwing (or
 * rejecting); returns ANSWERED when it sent the answer (Fastify's callback hooks answer early by
 * sending and never calling `done`).
 */
type Step = (request: FastifyRequest, reply: FastifyReply) => void | typeof ANSWERED | Promise<void>;

/** Runs `steps` from `index` in order, synchronously until one returns a promise. */
function runSteps(steps: readonly Step[], index: number, request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void {
  for (let i = index; i < steps.length; i++) {
    let pending: void | typeof ANSWERED | Promise<void>;
    try {
      pending = steps[i](request, reply);
    } catch (error) {
      return done(error as Error);
    }
    if (pending === ANSWERED) return;
    if (pending) {
      pending.then(() => runSteps(steps, i + 1, request, reply, done), done);
      return;
    }
  }
  done();
}

/**
 * A path no route serves has no policy: it is refused here, in `onRequest`, so its body is never
 * read nor parsed (Fastify would read it for the not-found handler). The problem filter makes the
 * 404 a 405 with `Allow` when the path is served with other methods.
 */
const refuseUnmatched: Step = (request) => {
  if (policyOf(request) === undefined) throw new NotFoundException();
};

/**
 * With CORS, an OPTIONS that is not a preflight (no Origin or no Access-Control-Request-Method) is
 * answered like any method a path does not serve: 405 with Allow (RFC 9110 section 15.5.6), or 404,
 * rather than CORS' plain-text 400. It is answered here: CORS' `OPTIONS *` route was registered
 * before Nest's error handler, so an error thrown for it would not become a problem. Once answered,
 * the rest of `onRequest` (CORS' hook) does not run.
 */
const answerNonPreflight: Step = (request, reply) => {
  if (request.method !== 'OPTIONS' || (request.headers.origin && request.headers['access-control-request-method'])) return;
  const allowed = allowedMethods(request);
  const instance = instanceOf(request.url);
  const requestId = String(request.id);
  const problem =
    allowed.length > 0
      ? genericProblem(405, `OPTIONS is not served here; use ${allowed.join(', ')}`, instance, requestId)
      : genericProblem(404, `No route for OPTIONS ${instance}`, instance, requestId);
  if (allowed.length > 0) reply.header('allow', allowed.join(', '));
  void reply.code(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  return ANSWERED;
};

export interface EdgeDependencies {
  authenticator: Authenticator;
  /** The rate limit's Redis connection; null: counted in this process. */
  rateLimitRedis: Redis | Cluster | null;
  trusted: TrustFunction;
  /** The docs' URL prefix (`/docs`): Swagger UI's routes are public. */
  docsPrefix: string;
  /** Admits iSales' pushes by their path token; null: every push is a 404. */
  callbackGate?: CallbackGate | null;
  /** While draining, answers close their connection. */
  stopping: () => boolean;
  /** The access log: one line per request, on the application log's stream. */
  requestLog: RequestLogWriter;
  /** The memory lane (src/edge/memory-lane.ts) and the routes it may answer from memory: opened once they are registered. */
  memoryLane?: { lane: MemoryLane; routes: readonly MemoryRoute[] };
}

/**
 * The edge (docs/design.md section 14): everything a request meets outside its controller, in
 * the order it meets it. Route policies are compiled when each route is registered; per request,
 * phases 1 to 4 run as one `onRequest` hook (CORS' own hook between 2 and 3 when CORS_ORIGINS is
 * set), phase 5 is the JSON parser, phase 6 the controllers (guard-free: the policy already ran)
 * with their idempotency and audit interceptors, phase 7 one `onResponse` hook.
 *
 *   1. identify   request id, request context, client address (TRUST_PROXY), server span
 *   2. shield     security headers, URL bound; then CORS
 *   3. admit      authenticate and authorise by the route's policy, before the body is read
 *   4. limit      rate limit per principal, or per client address for strangers and unmatched paths;
 *                 health probes a budget of their own per client address (ProbeBudget);
 *                 then an unmatched path is answered (404, or 405 with Allow), its body unread
 *   5. read       the body within the route's limit, depth-checked (then validated by the pipes)
 *   6. handle     controllers, interceptors for idempotency and audit
 *   7. observe    metric, log line, span end
 */
export async function installEdge(fastify: FastifyInstance, config: EdgeConfig, dependencies: EdgeDependencies): Promise<void> {
  compileRoutePolicies(fastify, config.server.bodyLimitBytes, dependencies.docsPrefix);
  trackRouteMethods(fastify);
  fastify.decorateRequest('auth', undefined);
  fastify.decorateRequest('clientAddress', '');
  fastify.decorateRequest('span', undefined);
  fastify.decorateRequest('routePolicy', null);
  fastify.decorateRequest('callbackGrant', undefined);
  fastify.decorateRequest('requestContext', null);
  fastify.addHook('onRoute', runHandlerInRequestContext);
  if (config.server.maxConnections > 0) fastify.server.maxConnections = config.server.maxConnections;
  answerNodeRefusalsAsProblems(fastify.server);

  const identify = new IdentifyPhase(dependencies.trusted);
  const shield = new ShieldPhase();
  const limit = config.rateLimit ? await LimitPhase.install(fastify, config.rateLimit, dependencies.rateLimitRedis) : null;
  const admit = new AdmitPhase(dependencies.authenticator, limit && limit.spend, dependencies.callbackGate ?? null);
  const observe = new ObservePhase(dependencies.requestLog);
  const probes = new ProbeBudget();
  // An event stream's answer ends when its client leaves: Fastify runs onResponse only for an answer
  // that finished, so these routes (and only these: no listener on other requests) are observed
  // when their connection closes first.
  fastify.addHook('onRoute', (route) => {
    if (!route.config?.[POLICY]?.eventStream) return;
    const observeCut = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) observe.onResponse(request, reply);
      });
      done();
    };
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [...own, observeCut] as RouteOptions['onRequest'];
  });

  const shieldStep: Step = (request, reply) => shield.run(request, reply);
  const access: Step[] = [
    (request, reply) => admit.run(request, reply),
    ...(limit ? [(request: FastifyRequest, reply: FastifyReply) => limit.run(request, reply)] : []),
    probes.run,
    refuseUnmatched,
  ];
  const withCors = config.corsOrigins.length > 0;

  // Built once: before CORS' own hook, or the whole of phases 2 to 4 when there is none.
  const first: readonly Step[] = withCors ? [shieldStep, answerNonPreflight] : [shieldStep, ...access];
  const runFirst = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => runSteps(first, 0, request, reply, done);
  fastify.addHook('onRequest', (request, reply, done) => identify.enter(request, reply, done, runFirst));
  if (withCors) {
    await fastify.register(cors, {
      origin: config.corsOrigins,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: CORS_REQUEST_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      maxAge: 600,
    });
    fastify.addHook('onRequest', (request, reply, done) => runSteps(access, 0, request, reply, done));
  }
  installReadPhase(fastify, config.server.bodyLimitBytes);

  fastify.addHook('onSend', (_request, reply, payload, done) => {
    // While draining, answers close their connection, so keep-alive clients cannot hold the
    // listener open past the last in-flight request.
    if (dependencies.stopping()) reply.header('connection', 'close');
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    observe.onResponse(request, reply);
    done();
  });
  // Only a span is left to end for a request whose client went away; without tracing, no hook
  // (Fastify adds a 'close' listener to every request for one).
  if (activeTracer()) {
    fastify.addHook('onRequestAbort', (request, done) => {
      observe.onAbort(request);
      done();
    });
  }
  // The memory lane answers a cache hit with what phases 1 to 7 would do for it. It stays shut with
  // tracing (the edge makes every span) and with CORS (its headers, `Vary: Origin` among them, go on
  // every answer, whether the request has an Origin or not).
  const memory = dependencies.memoryLane;
  if (memory && !activeTracer() && !withCors) {
    fastify.addHook('onReady', (done) => {
      try {
        memory.lane.open({
          routes: memory.routes,
          getTemplates: fastify.routeMethods.templates('GET'),
          authenticator: dependencies.authenticator,
          trusted: dependencies.trusted,
          limit,
          observe,
          stopping: dependencies.stopping,
        });
        done();
      } catch (error) {
        done(error as Error);
      }
    });
    // Once Fastify closes, every request is its own (it answers 503 while closing).
    fastify.addHook('preClose', (done) => {
      memory.lane.shut();
      done();
    });
  }
}
