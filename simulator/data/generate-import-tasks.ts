import { isoWithOffset, seededRandom, thirtyDigitId } from './prng';
import type { DataImportTask } from './records';

const FIRST_BEGIN_MS = Date.UTC(2022, 2, 11, 7, 27, 9);
const FAILURE_MESSAGES = ['The file does not exist.', 'The file format is incorrect.', 'Failed to connect to the file server.'];

/** Mostly completed tasks, some still preparing/importing, some failed. */
function statusFor(roll: number): string {
  if (roll < 1) return '0';
  if (roll < 2) return '1';
  if (roll < 8) return '2';
  return '3';
}

export function generateImportTasks(vdnId: number, count: number): DataImportTask[] {
  const tasks: DataImportTask[] = [];
  for (let index = 0; index < count; index++) {
    const random = seededRandom(vdnId, 'importTask', index);
    const beginMs = FIRST_BEGIN_MS + index * 3_600_000 + random.int(0, 3_599) * 1000;
    const status = statusFor(random.int(0, 9));
    const total = random.int(1, 5000);
    const repeatNum = status === '2' ? random.int(0, Math.floor(total / 10)) : 0;
    const failNum = status === '2' || status === '3' ? random.int(0, Math.floor(total / 20)) : 0;
    const succNum = status === '2' ? total - repeatNum - failNum : status === '1' ? random.int(0, Math.floor(total / 2)) : 0;
    const finished = status === '2' || status === '3';
    tasks.push({
      succNum,
      failNum,
      errMsg: status === '3' ? random.pick(FAILURE_MESSAGES) : '',
      id: thirtyDigitId(beginMs, vdnId, index, random),
      beginTime: isoWithOffset(beginMs),
      endTime: finished ? isoWithOffset(beginMs + random.int(1, 600) * 1000) : '',
      repeatNum,
      status,
    });
  }
  return tasks;
}
