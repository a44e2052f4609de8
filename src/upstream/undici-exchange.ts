import { readFileSync } from 'node:fs';
import { Agent, Dispatcher } from 'undici';
import { IsalesConfig } from '../config/isales.config';
import { TransportFailure, TransportRequest, TransportResponse } from './isales-transport';

/**
 * Sockets per iSales origin. Above the resilience bulkhead's default (ISALES_MAX_CONCURRENCY, 64),
 * so the bulkhead, not the pool, is what queues calls.
 */
const MAX_CONNECTIONS = 256;
/** A connection (TCP and TLS) that takes longer is abandoned as refused, well inside the call's deadline. */
const MAX_CONNECT_MS = 5000;

/** An undici Agent (one keep-alive Pool per origin) with the upstream's TLS settings. */
export function createUpstreamAgent(config: IsalesConfig): Agent {
  return new Agent({
    connections: MAX_CONNECTIONS,
    pipelining: 1,
    connect: {
      timeout: Math.min(MAX_CONNECT_MS, config.timeoutMs),
      ca: config.tlsCaFile ? readFileSync(config.tlsCaFile) : undefined,
      rejectUnauthorized: config.tlsRejectUnauthorized,
    },
  });
}

/**
 * Sends one request through `dispatcher` and collects the whole body as text. Failures are told apart
 * by whether the request reached a connected socket: undici only starts a request (onRequestStart)
 * once the connection, TLS included, is up, so a failure before that point means iSales never
 * received it ('refused'); after it, the request may have been processed ('connection').
 */
export function exchange(dispatcher: Dispatcher, request: TransportRequest): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const handler = new Exchange(resolve, reject, request.timeoutMs);
    try {
      dispatcher.dispatch({ origin: request.origin, path: request.path, method: request.method, headers: request.headers, body: request.body }, handler);
    } catch (error) {
      handler.onResponseError(undefined, error as Error);
    }
  });
}

class Exchange implements Dispatcher.DispatchHandler {
  private controller?: Dispatcher.DispatchController;
  private settled = false;
  private status = 0;
  private retryAfter?: string;
  private readonly chunks: Buffer[] = [];
  /** The attempt's one timer (the resilience layer arms none of its own). */
  private readonly deadline: NodeJS.Timeout;

  constructor(
    private readonly resolve: (response: TransportResponse) => void,
    private readonly reject: (failure: TransportFailure) => void,
    timeoutMs: number,
  ) {
    this.deadline = setTimeout(() => this.timedOut(), timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    // Timed out while queued for a socket: it must not go out late.
    if (this.settled) controller.abort(new Error('deadline exceeded'));
    else this.controller = controller;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.status = statusCode;
    const retryAfter = headers['retry-after'];
    this.retryAfter = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settle()) {
      const body = this.chunks.length === 1 ? this.chunks[0].toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
      this.resolve({ status: this.status, body, retryAfter: this.retryAfter });
    }
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (this.settle()) this.reject(new TransportFailure(this.controller ? 'connection' : 'refused', reasonOf(error)));
  }

  private timedOut(): void {
    if (!this.settle()) return;
    this.controller?.abort(new Error('deadline exceeded'));
    this.reject(new TransportFailure('timeout', 'deadline exceeded'));
  }

  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.deadline);
    return true;
  }
}

/** A short, secret-free reason: the error code (ECONNREFUSED, UND_ERR_SOCKET, DEPTH_ZERO_SELF_SIGNED_CERT, ...). */
function reasonOf(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}
