import { seededRandom } from './prng';
import type { BlockedNumber, CampaignState, OutboundCampaign } from './records';

const STATES: readonly CampaignState[] = ['running', 'running', 'paused', 'completed', 'expired'];
const DEVICE_TYPES = [1, 2, 3, 5, 6];
const DAY_MS = 86_400_000;
const FIRST_BEGIN_MS = Date.UTC(2025, 0, 1);

/** `yyyy-MM-dd HH:mm:ss` in UTC, as the campaign pages write times. */
export function isalesTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** A generated VDN's campaigns: every state and device type, ids from 1. */
export function generateCampaigns(vdnId: number, count: number): OutboundCampaign[] {
  const campaigns: OutboundCampaign[] = [];
  for (let index = 0; index < count; index++) {
    const random = seededRandom(vdnId, 'campaign', index);
    const deviceType = random.pick(DEVICE_TYPES);
    const beginMs = FIRST_BEGIN_MS + index * DAY_MS;
    const ivr = deviceType === 1 || deviceType === 3;
    campaigns.push({
      state: random.pick(STATES),
      id: index + 1,
      name: `Campaign ${vdnId}-${index + 1}`,
      description: '',
      strBeginTime: isalesTime(beginMs),
      strEndTime: isalesTime(beginMs + random.int(1, 365) * DAY_MS),
      deviceType,
      callerNo: String(710000 + random.int(0, 999)),
      maxAlertingTime: random.int(5, 120),
      scheduleParam: { scheduleType: 1, beginTime: '08:00', endTime: '20:00' },
      ivrParam: ivr ? { flowAccessCode: String(1000 + random.int(0, 99)) } : null,
      skillParam: ivr ? null : { skillId: random.int(1, 20), outBoundType: 1 },
      callBackUrl: '',
    });
  }
  return campaigns;
}

/** A generated VDN's do-not-call numbers: 11 digits, some without an expiry. */
export function generateBlocklist(vdnId: number, count: number): BlockedNumber[] {
  const numbers = new Map<string, BlockedNumber>();
  for (let index = 0; index < count; index++) {
    const random = seededRandom(vdnId, 'blocked', index);
    const blockNum = `13${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
    const expiry = random.int(0, 3) === 0 ? '' : isalesTime(FIRST_BEGIN_MS + random.int(1, 3650) * DAY_MS);
    numbers.set(blockNum, { blockNum, validityExpirationTime: expiry });
  }
  return [...numbers.values()];
}
