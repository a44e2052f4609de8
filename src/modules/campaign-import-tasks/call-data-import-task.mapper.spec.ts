import { SEED_EXAMPLES } from '../../../simulator/data/seed-vdn1';
import { toCallDataImportTask } from './call-data-import-task.mapper';
import { CALL_DATA_IMPORT_TASK_EXAMPLE } from './call-data-import-task.example';

// The page's example record (the data import task's, as the simulator serves it), with the blackNum its table adds.
const seed = { ...SEED_EXAMPLES.importTask, blackNum: 0 };

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
