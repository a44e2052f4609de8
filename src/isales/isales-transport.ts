/**
 * The one seam between IsalesClient and an HTTP library. The client builds, signs and parses;
 * a transport only moves bytes, so it can be measured and swapped (axios today) without touching
 * anything else. Transports throw TransportFailure, never a library's own error type.
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

export class TransportFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'connection',
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
