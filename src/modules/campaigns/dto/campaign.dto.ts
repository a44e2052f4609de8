import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../../common/dto/page-of';

/** The list's `status` filter: iSales' 2, 3 and 4 (0, all, is no filter). */
export const CAMPAIGN_STATUS_FILTERS = ['started', 'paused', 'completed'] as const;
export type CampaignStatusFilter = (typeof CAMPAIGN_STATUS_FILTERS)[number];
/** What a campaign's status reads as: the list's 4 is `completed`, the detail's `expired`. */
export const CAMPAIGN_STATUSES = ['started', 'paused', 'completed', 'expired'] as const;
/** iSales' device types 1, 2, 3, 5 and 6, by name. */
export const DEVICE_TYPES = ['intelligent-ivr', 'predictive', 'automatic-ivr', 'preview', 'preemptive'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

const STATUS_DESCRIPTION =
  '`started` (running, calls finished, or not yet started), `paused`, `completed` (in a list) or `expired` (one campaign: ' +
  'iSales says 4 for both), or iSales\u2019 own value as a string when it is none of these (the list page\u2019s example has 1).';
const DEVICE_DESCRIPTION = `one of ${DEVICE_TYPES.join(', ')}, or iSales\u2019 own value as a string when it is none of these.`;

/** An outbound campaign as a list shows it. */
export class CampaignSummaryDto {
  /** Campaign ID (an int in iSales). */
  @ApiProperty({ type: 'integer', nullable: true, example: 1106025109 })
  id: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'Preempted task' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'started', description: STATUS_DESCRIPTION })
  status: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'preemptive', description: DEVICE_DESCRIPTION })
  deviceType: string | null;

  /** When it starts (ISO 8601 with its offset, UTC: the campaign pages' zone). */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2025-05-01T00:00:00+00:00' })
  beginsAt: string | null;

  /** When it ends (ISO 8601 with its offset, UTC: the campaign pages' zone). */
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2030-12-31T23:59:59+00:00' })
  endsAt: string | null;

  /** The calling number shown to customers. */
  @ApiProperty({ type: String, nullable: true, example: '710002' })
  callerNumber: string | null;
}

const OPAQUE = 'Passed through as iSales sends it: the page names this object without describing its fields.';

/** One campaign, with what the detail page adds. */
export class CampaignDto extends CampaignSummaryDto {
  @ApiProperty({ type: String, nullable: true, example: 'Renewal reminders' })
  description: string | null;

  /** How long a call may ring, in seconds (iSales' maxAlertingTime). */
  @ApiProperty({ type: Number, nullable: true, example: 45 })
  maxAlertingSeconds: number | null;

  /** When it calls (iSales' scheduleParam). */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: OPAQUE, example: { scheduleType: 1 } })
  schedule: Record<string, unknown> | null;

  /** The IVR settings of an IVR campaign (iSales' ivrParam). */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: OPAQUE, example: null })
  ivr: Record<string, unknown> | null;

  /** The skill queue settings of an agent campaign (iSales' skillParam). */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: OPAQUE, example: { skillId: 2 } })
  skill: Record<string, unknown> | null;

  /** Where iSales pushes call results (iSales' callBackUrl); null when none is set on the campaign. */
  @ApiProperty({ type: String, nullable: true, example: 'https://crm.example.com/isales/call-results' })
  callbackUrl: string | null;
}

export class CampaignPageDto extends PageOf(CampaignSummaryDto, {
  description: "iSales' total count of matches (its totalSize); null when iSales did not send one.",
  example: 5,
  nullable: true,
}) {}
