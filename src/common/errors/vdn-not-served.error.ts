import { GatewayError } from './gateway-error';

/**
 * No configured AK/SK pair covers the VDN (docs/design.md section 12). The gateway's own answer, decided
 * before any upstream call: not an upstream failure, so stale-if-error must not hide it.
 */
export class VdnNotServedError extends GatewayError {
  readonly slug = 'vdn-not-served';
  readonly title = 'This gateway does not serve the VDN';
  readonly status = 404;

  constructor(readonly vdnId: number) {
    super(`This gateway does not serve VDN ${vdnId}`);
  }
}
