import { hash, timingSafeEqual } from 'node:crypto';
import type { CallbackTokenEntry } from '../config/callback-tokens.parser';
import { GatewayError } from '../common/errors/gateway-error';
import { instanceOf } from '../common/errors/generic-problem';
import { trustFunction } from './client-address';

/** Who pushed: the configured token's name and the VDNs its records may name. */
export interface CallbackGrant {
  readonly id: string;
  readonly vdns: '*' | ReadonlySet<number>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the admit phase on a callback route once its path token verified. */
    callbackGrant: CallbackGrant | undefined;
  }
}

/** A wrong callback token or source: answered exactly as a path no route serves, so it says nothing about the route. */
export class UnknownCallbackError extends GatewayError {
  readonly slug = 'not-found';
  readonly title = 'Not found';
  readonly status = 404;

  constructor(method: string, url: string) {
    super(`No route for ${method} ${instanceOf(url)}`);
  }
}

/** Bounds what is hashed: a real token is far shorter, and anything longer cannot match. */
const MAX_TOKEN_LENGTH = 256;

export type CallbackRefusal = 'token' | 'source';

/**
 * Admits an iSales push by its path token (docs/design.md section 18): iSales sends no header at
 * all, so the token in the callback URL is the credential. Every configured hash is compared in
 * constant time, whatever matched earlier, so the answer time says nothing about which (or how
 * much of a) hash matched. Nothing is remembered per presented token: a flood of wrong tokens
 * costs a hash each and keeps nothing. With ISALES_CALLBACK_SOURCES, the client address (after
 * TRUST_PROXY) must be in the list too.
 */
export class CallbackGate {
  private readonly entries: { grant: CallbackGrant; digest: Buffer }[];
  private readonly fromAllowedSource: ((address: string) => boolean) | null;

  constructor(tokens: readonly CallbackTokenEntry[], sources: readonly string[] | null) {
    this.entries = tokens.map((entry) => ({ grant: { id: `callback:${entry.id}`, vdns: entry.vdns }, digest: Buffer.from(entry.sha256, 'hex') }));
    if (sources === null) this.fromAllowedSource = null;
    else {
      const trusted = trustFunction({ kind: 'addresses', list: sources });
      this.fromAllowedSource = (address) => trusted(address, 0);
    }
  }

  admit(token: unknown, clientAddress: string): CallbackGrant | CallbackRefusal {
    if (this.fromAllowedSource && !this.fromAllowedSource(clientAddress)) return 'source';
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH || this.entries.length === 0) return 'token';
    const digest = hash('sha256', token, 'buffer');
    let found: CallbackGrant | null = null;
    for (const { grant, digest: expected } of this.entries) {
      if (timingSafeEqual(digest, expected) && found === null) found = grant;
    }
    return found ?? 'token';
  }
}
