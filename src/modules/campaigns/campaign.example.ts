import { CampaignDto, CampaignSummaryDto } from './dto/campaign.dto';

/**
 * VDN 1's campaigns as the gateway answers them (the simulator's records in the pages' example shapes, simulator/data/
 * seed-campaigns.ts; the mapper spec proves the two agree). The first one carries the list example's undocumented
 * status 1, passed as "1".
 */
export const CAMPAIGN_SUMMARY_EXAMPLES: readonly CampaignSummaryDto[] = [
  {
    id: 46,
    name: 'test0526',
    status: '1',
    deviceType: 'predictive',
    beginsAt: '2030-05-26T00:00:00+00:00',
    endsAt: '2030-06-30T23:59:59+00:00',
    callerNumber: '710002',
  },
  {
    id: 1106025109,
    name: 'Preempted task',
    status: 'started',
    deviceType: 'preemptive',
    beginsAt: '2025-05-01T00:00:00+00:00',
    endsAt: '2030-12-31T23:59:59+00:00',
    callerNumber: '710002',
  },
];

/** The running campaign of VDN 1, as one campaign. */
export const CAMPAIGN_EXAMPLE: CampaignDto = {
  ...CAMPAIGN_SUMMARY_EXAMPLES[1],
  description: 'Renewal reminders',
  maxAlertingSeconds: 45,
  schedule: { scheduleType: 1, beginTime: '08:00', endTime: '20:00', weekDays: [1, 2, 3, 4, 5] },
  ivr: null,
  skill: { skillId: 2, skillName: 'renewals', outBoundType: 1 },
  callbackUrl: 'https://crm.example.com/isales/call-results',
};
