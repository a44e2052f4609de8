import { toCallDataImportTask } from './call-data-import-task.mapper';
import { CALL_DATA_IMPORT_TASK_EXAMPLE } from './call-data-import-task.example';

// The page's example record, verbatim, with the blackNum its table adds.
const seed = {
  succNum: 0,
  failNum: 0,
  errMsg: '',
  id: '164698362894300182038011895728',
  beginTime: '2022-03-11T07:27:09.000+00:00',
  endTime: '2022-03-11T07:27:09.000+00:00',
  repeatNum: 0,
  status: '2',
  blackNum: 0,
};

describe('toCallDataImportTask', () => {
  it('normalises the page example', () => {
    expect(toCallDataImportTask(seed)).toEqual(CALL_DATA_IMPORT_TASK_EXAMPLE);
  });

  it('reads blackNum as a number or numeric text, and null when missing or unreadable', () => {
    expect(toCallDataImportTask({ ...seed, blackNum: 12 }).blockedCount).toBe(12);
    expect(toCallDataImportTask({ ...seed, blackNum: '7' as unknown as number }).blockedCount).toBe(7);
    expect(toCallDataImportTask({ ...seed, blackNum: undefined }).blockedCount).toBeNull();
    expect(toCallDataImportTask({ ...seed, blackNum: 'many' as unknown as number }).blockedCount).toBeNull();
  });

  it('maps status and times as the blacklist import tasks do', () => {
    expect(toCallDataImportTask({ ...seed, status: '1', endTime: '' })).toMatchObject({ status: 'importing', endedAt: null });
    expect(toCallDataImportTask({ ...seed, status: '9' }).status).toBe('9');
  });
});
