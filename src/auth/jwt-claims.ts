import type { JWTPayload } from 'jose';
import { Principal } from './principal';
import { parseVdnList } from '../config/vdn-list';

/** Scopes as OAuth servers send them: `scope` space-separated (RFC 8693) or `scp` as an array (or string). */
export function scopesOf(payload: JWTPayload): Set<string> {
  const scopes = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string')
      value
        .split(' ')
        .filter(Boolean)
        .forEach((s) => scopes.add(s));
    else if (Array.isArray(value)) value.filter((s): s is string => typeof s === 'string').forEach((s) => scopes.add(s));
  };
  add(payload.scope);
  add(payload.scp);
  return scopes;
}

/**
 * The principal a verified token describes, or null without a usable subject. A missing or
 * malformed VDN claim grants no VDN (403 on every tenant route), rather than failing authentication.
 */
export function principalFromClaims(payload: JWTPayload, vdnClaim: string): Principal | null {
  if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 256) return null;
  return {
    id: `sub:${payload.sub}`,
    vdns: parseVdnList(payload[vdnClaim]) ?? new Set(),
    scopes: scopesOf(payload),
  };
}
