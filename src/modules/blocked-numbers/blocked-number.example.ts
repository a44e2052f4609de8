import { BlockedNumberDto } from './dto/blocked-number.dto';

/**
 * VDN 1's do-not-call list as the gateway answers a page of it (simulator/data/seed-campaigns.ts: the delete page's
 * example number, blocked until the add page's example expiry, and one without an expiry).
 */
export const BLOCKED_NUMBER_EXAMPLES: readonly BlockedNumberDto[] = [
  { number: '13100000000', expiresAt: '2030-12-31T10:06:25+00:00', valid: null },
  { number: '13100000001', expiresAt: null, valid: null },
];
