import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { Authenticator } from '../auth/authenticator';
import { REQUEST_ID_HEADER, requestIdFrom } from '../common/request/request-context';
import { clientAddress, TrustFunction } from './client-address';
import { authorize } from './authorize';
import type { MemoryAnswer, MemoryLookup, MemoryRoute } from './direct-routes';
import { HELMET_OPTIONS, helmetHeaders, HTTP_LIMITS } from './http-edge';
import { LimitPhase, rateLimitKeyOf, Spent } from './limit.phase';
import type { ObservePhase } from './observe.phase';
import { POLICY, RoutePolicy } from './route-policy';
import { parseQuery } from './query-string';
import { RouteTemplate } from './route-template';

/** Node's request listener, as Fastify hands it to a server factory. */
type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/** A number among Fastify's options (after its defaults), or undefined. */
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** What the memory lane needs from the application, once it is built. */
export interface MemoryLaneDependencies {
  routes: readonly MemoryRoute[];
  /** Every GET route's template: none may take a path the lane would take for its own route. */
  getTemplates: readonly string[];
  authenticator: Authenticator;
  trusted: TrustFunction;
  /** The rate limit; null: none. */
  limit: LimitPhase | null;
  observe: ObservePhase;
  /** While draining, answers close their connection: the edge's. */
  stopping: () => boolean;
}

/** A route the memory lane answers: its template, its compiled policy, its lookup in memory. */
interface Lane {
  template: RouteTemplate;
  policy: RoutePolicy;
  memory: MemoryLookup;
}

/** A request the memory lane answers: its route, its principal, its answer, and what its line says. */
interface Taken {
  lane: Lane;
  principalId: string;
  answer: MemoryAnswer;
  /** When the lane took it (`performance.now()`). */
  started: number;
  requestId: string;
  client: string;
}

/** The rate limit's headers, as @fastify/rate-limit's draft-spec names them. */
const LIMIT = 'ratelimit-limit';
const REMAINING = 'ratelimit-remaining';
const RESET = 'ratelimit-reset';

/**
 * The memory lane (docs/design.md section 16): Node's request listener, in front of Fastify through
 * its public `serverFactory`. It answers the requests that a route can answer from memory (a cache
 * hit) completely, with what the edge would have done for them: the request id, helmet's headers,
 * an API key checked and the route's policy decided, the rate limit spent in the same store, the
 * same answer from the route's compiled checks and lookup, one metric observation and one access-log
 * line. Everything else it hands to Fastify untouched, before it has spent or written anything: any
 * other method or path, a path or query in any but the plain form, a body, a bearer token, a
 * refusal of any kind, no answer in memory, draining. The edge answers those as it always does.
 * With tracing on, it is never opened (the edge makes the spans), nor with CORS (CORS' headers go on
 * every answer, `Vary: Origin` among them, whether the request has an Origin or not).
 *
 * Fastify's request lifecycle (its request and reply objects, the router, the hook runners and
 * `reply.send`) is most of what a cache hit costs above a hand-written server (bench/README.md).
 */
export class MemoryLane {
  private lanes: readonly Lane[] = [];
  private dependencies: MemoryLaneDependencies | null = null;
  private securityHeaders: string[] = [];

  /**
   * Fastify's `serverFactory`: the HTTP server Fastify would build itself (its options applied the
   * same way), whose listener asks the memory lane first.
   */
  readonly serverFactory = (fastify: Listener, options: Record<string, unknown>): Server => {
    const server = createServer((options.http ?? {}) as ServerOptions, (request, response) => {
      if (!this.dependencies || !this.enter(request, response, fastify)) fastify(request, response);
    });
    // What Fastify applies to the server it builds itself (its lib/server.js), from the same options.
    const keepAliveTimeout = numberOf(options.keepAliveTimeout);
    const requestTimeout = numberOf(options.requestTimeout);
    const connectionTimeout = numberOf(options.connectionTimeout);
    const maxRequestsPerSocket = numberOf(options.maxRequestsPerSocket);
    if (keepAliveTimeout !== undefined) server.keepAliveTimeout = keepAliveTimeout;
    if (requestTimeout !== undefined) server.requestTimeout = requestTimeout;
    if (connectionTimeout !== undefined) server.setTimeout(connectionTimeout);
    if (maxRequestsPerSocket !== undefined && maxRequestsPerSocket > 0) server.maxRequestsPerSocket = maxRequestsPerSocket;
    return server;
  };

  /** Starts answering, once the application is built and its routes (and their policies) registered. */
  open(dependencies: MemoryLaneDependencies): void {
    this.securityHeaders = Object.entries(helmetHeaders(HELMET_OPTIONS)).flat();
    this.lanes = dependencies.routes.map((route) => {
      const policy = route.options.config?.[POLICY];
      if (!policy) throw new Error(`${route.url} has no compiled policy: the memory lane opens after the edge is installed`);
      const template = new RouteTemplate(route.url);
      const shadowing = dependencies.getTemplates.filter((other) => template.shadowedBy(other));
      if (shadowing.length > 0) throw new Error(`${route.url} cannot be answered by the memory lane: ${shadowing.join(', ')} takes some of its paths first`);
      return { template, policy, memory: route.memory };
    });
    this.dependencies = dependencies;
  }

  /** Stops answering: from now on every request is Fastify's. */
  shut(): void {
    this.dependencies = null;
  }

  /** Takes the request when it can answer it; false: Fastify's, untouched. */
  private enter(request: IncomingMessage, response: ServerResponse, fastify: Listener): boolean {
    let taken: Taken | undefined;
    try {
      taken = this.take(request);
    } catch {
      // A check's refusal (or anything else) before a byte is written or a budget spent: the edge answers it.
      return false;
    }
    if (taken === undefined) return false;
    const limit = this.dependencies!.limit;
    if (!limit) {
      this.answer(request, response, fastify, taken, null);
      return true;
    }
    const answering = taken;
    limit.count(rateLimitKeyOf(taken.principalId, taken.client), (spent) => {
      // Over the limit, the edge spends again and refuses as it always does (the 429, its headers, its metric).
      if (spent.current > limit.config.max) fastify(request, response);
      else this.answer(request, response, fastify, answering, spent);
    });
    return true;
  }

  /** Sends a taken request's answer, then observes it. */
  private answer(request: IncomingMessage, response: ServerResponse, fastify: Listener, taken: Taken, spent: Spent | null): void {
    try {
      this.send(response, taken.requestId, spent, taken.answer);
    } catch (error) {
      // Nothing of ours should make Node refuse a header; if something does, the edge answers (its
      // problem filter), or, with the answer begun, the connection ends rather than the process.
      if (!response.headersSent) fastify(request, response);
      else response.destroy(error as Error);
      return;
    }
    const ms = performance.now() - taken.started;
    this.dependencies!.observe.answered('GET', request.url!, taken.lane.policy, taken.answer.status, ms, taken.requestId, taken.client, taken.principalId);
  }

  /** The request's answer from memory when the memory lane may give it; undefined (or a throw): the edge's. */
  private take(request: IncomingMessage): Taken | undefined {
    if (request.method !== 'GET') return undefined;
    const url = request.url ?? '';
    if (url.length > HTTP_LIMITS.maxUrlLength) return undefined;
    const queryAt = url.indexOf('?');
    const matched = this.match(queryAt === -1 ? url : url.slice(0, queryAt));
    if (matched === undefined) return undefined;
    const started = performance.now();
    const dependencies = this.dependencies!;
    const headers = request.headers;
    if (
      headers.authorization !== undefined ||
      headers['content-length'] !== undefined ||
      headers['transfer-encoding'] !== undefined ||
      (headers.host === undefined && request.httpVersion === '1.1') ||
      dependencies.stopping()
    ) {
      return undefined;
    }
    const { lane, params } = matched;
    // Synchronous: an API key, or AUTH_DISABLED (there is no Authorization header).
    const authentication = dependencies.authenticator.authenticate(headers);
    if (authentication instanceof Promise || !('principal' in authentication) || authentication.principal === null) return undefined;
    const principal = authentication.principal;
    if (authorize(lane.policy, principal, params) !== null) return undefined;
    const answer = lane.memory(params, parseQuery(queryAt === -1 ? '' : url.slice(queryAt + 1)), headers['if-none-match']);
    if (answer === undefined) return undefined;
    const requestId = requestIdFrom(headers[REQUEST_ID_HEADER]);
    const client = clientAddress(request.socket.remoteAddress, headers['x-forwarded-for'], dependencies.trusted);
    return { lane, principalId: principal.id, answer, started, requestId, client };
  }

  /** The lane whose template `path` matches, with its parameters; undefined: none. */
  private match(path: string): { lane: Lane; params: Record<string, string> } | undefined {
    for (const lane of this.lanes) {
      const params = lane.template.match(path);
      if (params) return { lane, params };
    }
    return undefined;
  }

  private send(response: ServerResponse, requestId: string, spent: Spent | null, answer: MemoryAnswer): void {
    const headers = [REQUEST_ID_HEADER, requestId, ...this.securityHeaders];
    if (spent) {
      const max = this.dependencies!.limit!.config.max;
      headers.push(LIMIT, String(max), REMAINING, String(Math.max(0, max - spent.current)), RESET, String(Math.ceil(spent.ttlMs / 1000)));
    }
    for (const value of answer.headers) headers.push(value);
    const body = answer.body;
    if (body !== undefined) headers.push('content-length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.length));
    response.writeHead(answer.status, headers);
    response.end(body);
  }
}
