import { isalesTimeInZone } from '../../common/mapping/zoned-time';
import { numberOrNull, stringOrNull } from '../../common/mapping/values';
import { IsalesCallResult } from '../../upstream/isales.types';
import { toCallStatus } from './call-status';
import { CallResultDto } from './dto/call-result.dto';

/** callresultdetail's `data` as the clean resource; `zone` is the tenant's (docs/isales/call-results-choices.md §1). */
export function toCallResult(record: IsalesCallResult, zone: string): CallResultDto {
  const recordingUrl = stringOrNull(record.recordPath);
  return {
    callId: stringOrNull(record.callId),
    calledNumber: stringOrNull(record.called),
    status: toCallStatus(record.callStatus),
    failCode: stringOrNull(record.failCode),
    ringingAt: isalesTimeInZone(record.ackBeginTime, zone),
    startedAt: isalesTimeInZone(record.callBeginTime, zone),
    endedAt: isalesTimeInZone(record.callEndTime, zone),
    displayResult: stringOrNull(record.resultCode),
    vdnId: integerOrNull(record.vdnId),
    // Empty outside SaaS deployments (§2): left out rather than sent as "".
    ...(recordingUrl !== null && recordingUrl.trim() !== '' && { recordingUrl }),
  };
}

function integerOrNull(value: unknown): number | null {
  const number = numberOrNull(value);
  return number !== null && Number.isSafeInteger(number) ? number : null;
}
