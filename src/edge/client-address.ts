import { BlockList, isIP } from 'node:net';
import type { TrustProxy } from '../config/trusted-proxies';

/** The longest `X-Forwarded-For` read: beyond it a stranger is only making the gateway split text. */
const MAX_FORWARDED_LENGTH = 2048;
const MAX_FORWARDED_HOPS = 32;

/** `::ffff:10.0.0.1` (an IPv4 client of a dual-stack listener) is `10.0.0.1`. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** `(address, hop) => trusted`, the form Fastify's `trustProxy` accepts too (its numeric form trusts nothing). */
export type TrustFunction = (address: string, hop: number) => boolean;

export function trustFunction(trust: TrustProxy): TrustFunction {
  if (trust.kind === 'off') return () => false;
  if (trust.kind === 'hops') {
    const hops = trust.hops;
    return (_address, hop) => hop < hops;
  }
  const blocks = new BlockList();
  for (const entry of trust.list) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) blocks.addAddress(address, family);
    else blocks.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && blocks.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * The client's address: the socket's peer, or, through trusted proxies, the nearest address in
 * `X-Forwarded-For` that a trusted proxy vouched for. Always a syntactically valid IP (or the
 * socket's own address): an entry that is not an address ends the walk at the proxy that sent it,
 * so no header text ever becomes the client address.
 */
export function clientAddress(socketAddress: string | undefined, forwarded: string | string[] | undefined, trusted: TrustFunction): string {
  let address = unmapped(socketAddress ?? '');
  if (forwarded === undefined || !trusted(address, 0)) return address || 'unknown';
  const header = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
  // Only the right end matters (the hops nearest the gateway); the rest is the client's own text.
  const tail = header.length > MAX_FORWARDED_LENGTH ? header.slice(header.length - MAX_FORWARDED_LENGTH) : header;
  const hops = tail.split(',');
  for (let hop = 1, i = hops.length - 1; i >= 0 && hop <= MAX_FORWARDED_HOPS; i--, hop++) {
    const candidate = unmapped(hops[i].trim());
    if (isIP(candidate) === 0) break;
    address = candidate;
    if (!trusted(address, hop)) break;
  }
  return address || 'unknown';
}

/**
 * The rate-limit key of an address: fixed-size, and an IPv6 client counts per /64 (what one
 * subscriber is usually given), so rotating addresses inside it buys no budget.
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:a.b.c.d beyond the mapped form) sits in the low 64 bits: irrelevant here.
  const groups = address.includes('::') ? [...left, ...new Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (g.includes('.') ? '0' : Number.parseInt(g, 16).toString(16)))
    .join(':')}::/64`;
}
