import { CallDataImportTaskDto } from './dto/call-data-import-task.dto';

/**
 * calldatafile/queryDataImportTask's page example (byte-identical to the blacklist one, docs/isales/call-results-choices.md §4),
 * normalised, with the blackNum 0 the simulator adds (the mapper spec proves the two agree).
 */
export const CALL_DATA_IMPORT_TASK_EXAMPLE: CallDataImportTaskDto = {
  id: '164698362894300182038011895728',
  status: 'completed',
  startedAt: '2022-03-11T07:27:09.000Z',
  endedAt: '2022-03-11T07:27:09.000Z',
  succeeded: 0,
  duplicates: 0,
  failed: 0,
  error: null,
  blockedCount: 0,
};
