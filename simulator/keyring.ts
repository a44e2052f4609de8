import { type AuthResult, type ReceivedRequest, verifyC2 } from './auth';

/**
 * The access users the fake iSales knows: each AK/SK pair and the tenants (VDNs) it is entitled to
 * (CC-CMS "Querying Information About All Tenants Accessible to an Access User"). A pair signing
 * for a VDN it does not hold fails authentication: 401, the only outcome iSales documents.
 */
export interface SimulatorCredential {
  ak: string;
  sk: string;
  /** The VDNs this pair may call, or '*' for all. */
  vdns: number[] | '*';
}

/** What may be shown of a pair (control endpoint, start-up line): never the SK. */
export interface PublicCredential {
  ak: string;
  vdns: number[] | '*';
}

function isVdn(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9999;
}

/** Checks a list of pairs (from SIMULATOR_CREDENTIALS, an option or the control endpoint); messages never echo an SK. */
export function parseCredentialList(value: unknown): SimulatorCredential[] {
  if (!Array.isArray(value) || value.length === 0) throw new RangeError('must be a non-empty list of {ak, sk, vdns}');
  const seen = new Set<string>();
  return value.map((entry: unknown, index) => {
    const at = `pair ${index + 1}`;
    const { ak, sk, vdns } = (entry ?? {}) as Record<string, unknown>;
    if (typeof ak !== 'string' || !/^[^\s/]+$/.test(ak)) throw new RangeError(`${at}: ak must be a non-empty string without spaces or slashes`);
    if (typeof sk !== 'string' || sk === '') throw new RangeError(`${at}: sk must be a non-empty string`);
    if (!(vdns === '*' || (Array.isArray(vdns) && vdns.every(isVdn)))) throw new RangeError(`${at}: vdns must be "*" or a list of VDN ids from 1 to 9999`);
    if (seen.has(ak)) throw new RangeError(`${at}: ak is given twice`);
    seen.add(ak);
    return { ak, sk, vdns: vdns === '*' ? '*' : [...vdns] };
  });
}

export class Keyring {
  private byAk = new Map<string, SimulatorCredential>();

  constructor(pairs: SimulatorCredential[]) {
    this.replace(pairs);
  }

  /** Swaps every pair at once (tests rotate an SK this way); throws on a bad list, keeping the old one. */
  replace(pairs: unknown): void {
    this.byAk = new Map(parseCredentialList(pairs).map((pair) => [pair.ak, pair]));
  }

  list(): PublicCredential[] {
    return [...this.byAk.values()].map(({ ak, vdns }) => ({ ak, vdns: vdns === '*' ? '*' : [...vdns] }));
  }

  /** C2 verification, then the tenant check for `vdnId` (null when the path names no valid VDN: routing answers that). */
  verify(request: ReceivedRequest, vdnId: number | null, now: Date, clockSkewSeconds: number): AuthResult {
    let pair: SimulatorCredential | undefined;
    const result = verifyC2(request, (ak) => (pair = this.byAk.get(ak)), now, clockSkewSeconds);
    if (!result.ok || !pair || vdnId === null || pair.vdns === '*' || pair.vdns.includes(vdnId)) return result;
    return { ok: false, reason: `access key does not hold VDN ${vdnId}` };
  }
}
