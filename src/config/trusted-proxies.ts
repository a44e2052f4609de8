import { isIP } from 'node:net';

/**
 * Which proxies' `X-Forwarded-For` the gateway believes (TRUST_PROXY): none, the nearest `hops`
 * proxies, or the proxies at the listed addresses/CIDRs.
 */
export type TrustProxy = { kind: 'off' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: readonly string[] };

/** Parses TRUST_PROXY's address list; null names the first entry that is neither an address nor a CIDR. */
export function parseTrustedProxies(text: string): { list: string[] } | { invalid: string } {
  const list = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of list) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const validPrefix = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !validPrefix || rest.length > 0) return { invalid: entry };
  }
  return { list };
}
