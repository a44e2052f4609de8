import { isalesTimeInZone, toIsalesTimeInZone } from './zoned-time';

/**
 * The zone of the campaign pages' `yyyy-MM-dd HH:mm:ss` times: the campaign create page states UTC for
 * `strBeginTime`/`strEndTime`, so they (and the list's `beginTime`/`endTime` filters, compared with them) are
 * read and sent in UTC whatever the tenant's zone (docs/isales/next-api-choices.md section 2). Every other
 * zone-less time is in the tenant's zone (ISALES_TIME_ZONE, ISALES_TIME_ZONES).
 */
export const CAMPAIGN_TIME_ZONE = 'UTC';

/** A campaign time as ISO 8601 with its offset (`+00:00`); "" and null are null; anything unreadable is kept as it came. */
export function campaignTimeOrNull(value: unknown): string | null {
  return isalesTimeInZone(value, CAMPAIGN_TIME_ZONE);
}

/** An instant as a campaign filter's `yyyy-MM-dd HH:mm:ss`, in UTC. */
export function toCampaignTime(instant: string): string {
  return toIsalesTimeInZone(instant, CAMPAIGN_TIME_ZONE);
}
