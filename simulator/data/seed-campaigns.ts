import type { BlockedNumber, OutboundCampaign } from './records';

// VDN 1's campaigns and do-not-call numbers (docs/isales/next-api-notes.md sections 1 and 3). The notes keep the field
// names and types of the pages' examples, not their values: these records have the examples' shapes (an int id, the
// list's undocumented status 1, the detail's skillParam and callBackUrl), and one campaign of each state, one running.

const schedule = { scheduleType: 1, beginTime: '08:00', endTime: '20:00', weekDays: [1, 2, 3, 4, 5] };

export const SEED_CAMPAIGNS: readonly OutboundCampaign[] = [
  {
    state: 'not-started',
    // The list page's example shows status 1, a value its enumeration does not have.
    rawStatus: 1,
    id: 46,
    name: 'test0526',
    description: 'The list example\u2019s campaign',
    strBeginTime: '2030-05-26 00:00:00',
    strEndTime: '2030-06-30 23:59:59',
    deviceType: 2,
    callerNo: '710002',
    maxAlertingTime: 30,
    scheduleParam: schedule,
    ivrParam: null,
    skillParam: { skillId: 1, skillName: 'skill1', outBoundType: 1, predictParam: { lostRate: 5 } },
    callBackUrl: 'https://crm.example.com/isales/call-results',
  },
  {
    state: 'running',
    id: 1106025109,
    name: 'Preempted task',
    description: 'Renewal reminders',
    strBeginTime: '2025-05-01 00:00:00',
    strEndTime: '2030-12-31 23:59:59',
    deviceType: 6,
    callerNo: '710002',
    maxAlertingTime: 45,
    scheduleParam: schedule,
    ivrParam: null,
    skillParam: { skillId: 2, skillName: 'renewals', outBoundType: 1 },
    callBackUrl: 'https://crm.example.com/isales/call-results',
  },
  {
    state: 'paused',
    id: 47,
    name: 'Satisfaction survey',
    description: 'Automatic IVR survey',
    strBeginTime: '2025-06-01 08:00:00',
    strEndTime: '2030-06-30 20:00:00',
    deviceType: 3,
    callerNo: '710003',
    maxAlertingTime: 30,
    scheduleParam: schedule,
    ivrParam: { flowAccessCode: '1001', ivrRate: 10 },
    skillParam: null,
    callBackUrl: '',
  },
  {
    state: 'completed',
    id: 48,
    name: 'Spring campaign',
    description: '',
    strBeginTime: '2025-03-01 00:00:00',
    strEndTime: '2025-03-31 23:59:59',
    deviceType: 5,
    callerNo: '710004',
    maxAlertingTime: 60,
    scheduleParam: schedule,
    ivrParam: null,
    skillParam: { skillId: 3, skillName: 'preview', outBoundType: 1 },
    callBackUrl: '',
  },
  {
    state: 'expired',
    id: 49,
    name: 'Winter reminders',
    description: '',
    strBeginTime: '2024-12-01 00:00:00',
    strEndTime: '2025-01-31 23:59:59',
    deviceType: 1,
    callerNo: '710005',
    maxAlertingTime: 20,
    scheduleParam: schedule,
    ivrParam: { flowAccessCode: '1002' },
    skillParam: null,
    callBackUrl: '',
  },
];

/** The delete page's example number (`{"blocklistNo":"13100000000"}`), blocked until the add page's example expiry. */
export const SEED_BLOCKLIST: readonly BlockedNumber[] = [
  { blockNum: '13100000000', validityExpirationTime: '2030-12-31 10:06:25' },
  { blockNum: '13100000001', validityExpirationTime: '' },
];
