import { SEED_EXAMPLES } from '../../../simulator/data/seed-vdn1';
import { toImportTask } from './import-task.mapper';
import { IMPORT_TASK_EXAMPLE } from './import-task.example';

// queryDataImportTask's (docs/isales/operations.md#queryDataImportTask) example record, as the simulator serves it.
const seed = SEED_EXAMPLES.importTask;

describe('toImportTask', () => {
  it('normalises the seed example', () => {
    expect(toImportTask(seed)).toEqual(IMPORT_TASK_EXAMPLE);
  });

  it.each([
    ['0', 'preparing'],
    ['1', 'importing'],
    ['2', 'completed'],
    ['3', 'failed'],
    ['7', '7'],
  ])('maps status %s to %s', (raw, expected) => {
    expect(toImportTask({ ...seed, status: raw }).status).toBe(expected);
  });

  it('turns empty times into null and converts offsets to UTC', () => {
    const task = toImportTask({ ...seed, beginTime: '2022-03-11T15:27:09.000+08:00', endTime: '' });
    expect(task.startedAt).toBe('2022-03-11T07:27:09.000Z');
    expect(task.endedAt).toBeNull();
  });

  it('keeps nulls and missing fields as null, and a numeric errMsg as text', () => {
    expect(toImportTask({ id: null, errMsg: 42 })).toEqual({
      id: null,
      status: null,
      startedAt: null,
      endedAt: null,
      succeeded: null,
      duplicates: null,
      failed: null,
      error: '42',
    });
  });

  it('keeps a 30-digit id as the same string', () => {
    expect(toImportTask({ id: '999999999999999999999999999999' }).id).toBe('999999999999999999999999999999');
  });
});
