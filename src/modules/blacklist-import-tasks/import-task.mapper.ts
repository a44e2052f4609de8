import { toOffsetLimit } from '../../upstream/page.query.dto';
import { ImportTaskQuery, IsalesImportTask } from '../../upstream/isales.types';
import { IMPORT_TASK_STATUSES, ImportTaskDto } from './dto/import-task.dto';
import { isoInstantOrNull, numberOrNull, stringOrNull } from '../../common/mapping/values';

/** DataImportTask.status "0".."3" (docs/isales/operations.md#queryDataImportTask). */
function status(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  return /^[0-3]$/.test(raw) ? IMPORT_TASK_STATUSES[Number(raw)] : raw;
}

/** errMsg is typed Integer but sent as "" (docs/isales/operations.md#queryDataImportTask): empty means no error. */
function errorMessage(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  return String(raw);
}

export function toImportTask(task: IsalesImportTask): ImportTaskDto {
  return {
    id: stringOrNull(task.id),
    status: status(task.status),
    startedAt: isoInstantOrNull(task.beginTime),
    endedAt: isoInstantOrNull(task.endTime),
    succeeded: numberOrNull(task.succNum),
    duplicates: numberOrNull(task.repeatNum),
    failed: numberOrNull(task.failNum),
    error: errorMessage(task.errMsg),
  };
}

/** The queryDataImportTask body of a page, optionally only the tasks with these ids. */
export function toImportTaskQuery(query: { page: number; pageSize: number; ids?: string[] }): ImportTaskQuery {
  return { ...toOffsetLimit(query), importTaskIds: query.ids };
}
