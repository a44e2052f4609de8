import { IMPORT_TASK_EXAMPLE } from '../blacklist-import-tasks/import-task.example';
import { CallDataImportTaskDto } from './dto/call-data-import-task.dto';

/**
 * calldatafile/queryDataImportTask's page example (byte-identical to the blacklist one, docs/isales/call-results-choices.md §4),
 * normalised, with the blackNum 0 the simulator adds (the mapper spec proves the two agree).
 */
export const CALL_DATA_IMPORT_TASK_EXAMPLE: CallDataImportTaskDto = { ...IMPORT_TASK_EXAMPLE, blockedCount: 0 };
