import { generateImportTasks } from './generate-import-tasks';
import { seededRandom } from './prng';
import type { CallDataImportTask, CallDataRecord, CallResult } from './records';

const FIRST_CALL_S = Date.UTC(2022, 1, 10, 3, 0, 0) / 1000;
const FAIL_CODES = ['00604', '00146', '00019'];

/** `2022-02-10 11:45:43`: iSales' zone-less time, here the UTC wall clock. */
function wallClock(epochS: number): string {
  return new Date(epochS * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Mostly succeeded calls, some failed; callStatus an int, as the table types it. */
export function generateCallResults(vdnId: number, count: number): CallResult[] {
  return Array.from({ length: count }, (_, index) => {
    const random = seededRandom(vdnId, 'callResult', index);
    // The id is the call's ten-minute slot (as iSales' ids start with an epoch second) and its row: predictable for tests.
    const slot = FIRST_CALL_S + index * 600;
    const ringing = slot + random.int(0, 599);
    const succeeded = random.int(0, 9) < 7;
    const answered = ringing + random.int(2, 20);
    return {
      callId: `${slot}-${String(index).padStart(4, '0')}`,
      called: `8888${random.digits(4)}`,
      callEndTime: succeeded ? wallClock(answered + random.int(5, 600)) : '',
      vdnId,
      callStatus: succeeded ? 6 : 5,
      failCode: succeeded ? '00000' : random.pick(FAIL_CODES),
      resultCode: succeeded ? 'OB99999' : 'OB00001',
      callBeginTime: succeeded ? wallClock(answered) : '',
      recordPath: '',
      ackBeginTime: wallClock(ringing),
    };
  });
}

/** Call data ids 1..count, spread over campaigns 1 to 5. */
export function generateCallData(vdnId: number, count: number): CallDataRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    dataId: index + 1,
    campaignId: String((index % 5) + 1),
    called: `8888${seededRandom(vdnId, 'callData', index).digits(4)}`,
    busiResult: null,
    subStatus: null,
    busiResultDesc: null,
    workNo: null,
  }));
}

/** Campaigns 1 to 5, each with a share of import tasks, some of whose records were blocked. */
export function generateCallDataImportTasks(vdnId: number, count: number): Map<string, CallDataImportTask[]> {
  const tasks = generateImportTasks(vdnId + 10_000, count);
  const byCampaign = new Map<string, CallDataImportTask[]>(['1', '2', '3', '4', '5'].map((id) => [id, []]));
  tasks.forEach((task, index) => {
    const blackNum = task.status === '2' ? seededRandom(vdnId, 'blackNum', index).int(0, 20) : 0;
    byCampaign.get(String((index % 5) + 1))!.push({ ...task, blackNum });
  });
  return byCampaign;
}
