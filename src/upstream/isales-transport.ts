import type { IsalesMethod } from './operations.catalogue';

/**
 * The one seam between IsalesClient and an HTTP library. The client builds, signs and parses;
 * a transport only moves bytes, so it can be measured and swapped without touching anything else.
 * Transports throw TransportFailure, never a library's own error type.
 */
export interface TransportRequest {
  method: IsalesMethod;
  /** `https://host:port`, computed once from ISALES_BASE_URL. */
  origin: string;
  /** The path and query as sent (and as signed). */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * How long the attempt may take: the transport's own timer, the only one of a call that waits
   * for nothing, ends it as 'timeout' (the resilience layer arms none per attempt).
   */
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  body: string;
  retryAfter?: string;
}

/**
 * - `refused`: the request certainly never reached iSales (connection refused or never established:
 *   DNS, connect timeout, TLS handshake), so even a write may be sent again;
 * - `connection`: the connection broke after it was established: the request may have arrived;
 * - `timeout`: no answer in time.
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
  abstract onModuleDestroy(): Promise<void> | void;
}
