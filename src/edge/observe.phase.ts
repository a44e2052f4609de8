import { SpanStatusCode } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UNMATCHED_ROUTE } from '../telemetry/metric-names';
import { HttpSeries, httpSeries } from '../telemetry/metrics';
import { loggedUrl } from './logged-url';
import { RequestLogWriter } from './request-log';
import { policyOf, RoutePolicy } from './route-policy';

export { loggedUrl, MAX_LOGGED_URL } from './logged-url';

/** Logged URLs kept (then all forgotten at once), and the longest URL kept: bounded memory whatever the traffic. */
const MEMO_URLS = 1024;
const MEMO_URL_CHARS = 1024;

/**
 * Phase 7, the one `onResponse` step: records http_server_request_duration_seconds (health probes
 * included), writes the request's log line (probes left out: every few seconds per pod they would
 * drown everything else) and ends its span. The log line: id, method, URL (cut, personal values
 * masked), route template, client address, the iSales calls it made, status, principal id (never a
 * token or key) and, when refused, the stable reason, time. Never headers.
 */
export class ObservePhase {
  private readonly series = new WeakMap<RoutePolicy, HttpSeries>();
  private readonly unmatched = new Map<string, HttpSeries>();
  private otherMethods: HttpSeries | undefined;
  /** The logged form of recent URLs: clients repeat the same few, and masking one means decoding each query pair. */
  private readonly urls = new Map<string, string>();

  constructor(private readonly requestLog: RequestLogWriter) {}

  onResponse(request: FastifyRequest, reply: FastifyReply): void {
    const policy = policyOf(request);
    const status = reply.statusCode;
    const ms = reply.elapsedTime;
    this.seriesOf(request.method, policy)(status, ms / 1000);
    if (!policy?.unlimited) this.log(request, policy, status, ms);
    const span = request.span;
    if (span) {
      request.span = undefined;
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
  }

  /**
   * A request the memory lane answered from memory (src/edge/memory-lane.ts): the same observation
   * and line as `onResponse`, from Node's request rather than Fastify's.
   */
  answered(method: string, url: string, policy: RoutePolicy, status: number, ms: number, requestId: string, client: string, principal: string): void {
    this.seriesOf(method, policy)(status, ms / 1000);
    this.requestLog.write({
      requestId,
      method,
      url: this.urlOf(policy, url),
      route: policy.route,
      client,
      upstream: undefined,
      status,
      principal,
      authFailure: undefined,
      ms: Math.round(ms * 10) / 10,
    });
  }

  /** A request whose client went away before its answer: only its span is left to end. */
  onAbort(request: FastifyRequest): void {
    const span = request.span;
    if (!span) return;
    request.span = undefined;
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'client went away' });
    span.end();
  }

  private seriesOf(method: string, policy: RoutePolicy | undefined): HttpSeries {
    if (policy) {
      let series = this.series.get(policy);
      if (!series) this.series.set(policy, (series = httpSeries(method, policy.route)));
      return series;
    }
    let series = this.unmatched.get(method);
    if (!series) {
      // The method of an unmatched request is the caller's text: a few series, then one for the rest.
      series = this.unmatched.size < 32 ? httpSeries(method, UNMATCHED_ROUTE) : (this.otherMethods ??= httpSeries('OTHER', UNMATCHED_ROUTE));
      if (this.unmatched.size < 32) this.unmatched.set(method, series);
    }
    return series;
  }

  private loggedUrl(url: string): string {
    let logged = this.urls.get(url);
    if (logged === undefined) {
      logged = loggedUrl(url);
      if (url.length <= MEMO_URL_CHARS) {
        if (this.urls.size >= MEMO_URLS) this.urls.clear();
        this.urls.set(url, logged);
      }
    }
    return logged;
  }

  private log(request: FastifyRequest, policy: RoutePolicy | undefined, status: number, ms: number): void {
    const auth = request.auth;
    this.requestLog.write({
      // The same id the mixin takes from the request context (outside it, there is only this one).
      requestId: String(request.id),
      method: request.method,
      url: this.urlOf(policy, request.url),
      route: policy?.route ?? UNMATCHED_ROUTE,
      client: request.clientAddress,
      upstream: request.requestContext?.upstream,
      status,
      principal: auth?.principal?.id,
      authFailure: auth?.failure ?? undefined,
      ms: Math.round(ms * 10) / 10,
    });
  }

  /** A callback's path holds its token, a credential: the line shows the route template instead. */
  private urlOf(policy: RoutePolicy | undefined, url: string): string {
    return policy?.callbackToken ? policy.route : this.loggedUrl(url);
  }
}
