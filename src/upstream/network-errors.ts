import { TransportFailureKind } from './isales-transport';

/** Failures of a connection that was never established, whatever happens to be the HTTP library. */
const NOT_CONNECTED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  // undici's own names for a connect timeout and a refused TLS peer.
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
]);

/** What Node tells about a failed socket: its error `code` and the system call that failed. */
export interface NetworkErrorFacts {
  code?: string;
  syscall?: string;
}

/**
 * 'refused' when the request certainly never left (no connection, or the TLS handshake failed:
 * the request is written only once it succeeded), else 'connection': the request may have arrived,
 * so only an idempotent call may be sent again.
 */
export function networkFailureKind(facts: NetworkErrorFacts): Exclude<TransportFailureKind, 'timeout'> {
  const { code, syscall } = facts;
  if (syscall === 'connect' || syscall === 'getaddrinfo') return 'refused';
  if (code && (NOT_CONNECTED_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('CERT_'))) return 'refused';
  return 'connection';
}

/** The innermost `cause` that carries a Node error code (libraries wrap the socket's error). */
export function networkErrorFacts(error: unknown): NetworkErrorFacts {
  let current: unknown = error;
  let facts: NetworkErrorFacts = {};
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, syscall, cause } = current as { code?: unknown; syscall?: unknown; cause?: unknown };
    if (typeof code === 'string') facts = { code, syscall: typeof syscall === 'string' ? syscall : undefined };
    current = cause;
  }
  return facts;
}
