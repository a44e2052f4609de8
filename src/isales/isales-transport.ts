/**
 * The one seam between IsalesClient and an HTTP library. The client builds, signs and parses;
 * a transport only moves bytes, so it can be measured and swapped without touching anything else.
 * Transports throw TransportFailure, never a library's own error type.
 */
export interface TransportRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  body: string;
  retryAfter?: string;
}

/**
 * - `refused`: no connection (refused, DNS, connect timeout, TLS handshake): iSales certainly never got the request;
 * - `connection`: the connection failed after the request went out: iSales may have processed it;
 * - `timeout`: the deadline passed first.
 */
export type TransportFailureKind = 'refused' | 'connection' | 'timeout';

export class TransportFailure extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export abstract class IsalesTransport {
  abstract send(request: TransportRequest): Promise<TransportResponse>;
  /** Releases pooled connections (Nest calls it on shutdown). */
  abstract onModuleDestroy(): void;
}
