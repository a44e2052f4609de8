import { ImportTaskDto } from './dto/import-task.dto';

/** queryDataImportTask's (docs/isales/operations.md#queryDataImportTask) example record, normalised (the mapper spec proves the two agree). */
export const IMPORT_TASK_EXAMPLE: ImportTaskDto = {
  id: '164698362894300182038011895728',
  status: 'completed',
  startedAt: '2022-03-11T07:27:09.000Z',
  endedAt: '2022-03-11T07:27:09.000Z',
  succeeded: 0,
  duplicates: 0,
  failed: 0,
  error: null,
};
