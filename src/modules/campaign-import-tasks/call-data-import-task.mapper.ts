import { numberOrNull } from '../../common/mapping/values';
import { IsalesCallDataImportTask } from '../../upstream/isales.types';
import { toImportTask } from '../blacklist-import-tasks/import-task.mapper';
import { CallDataImportTaskDto } from './dto/call-data-import-task.dto';

/** The blacklist import task's mapping plus blackNum (docs/isales/call-results-choices.md §4). */
export function toCallDataImportTask(task: IsalesCallDataImportTask): CallDataImportTaskDto {
  return { ...toImportTask(task), blockedCount: numberOrNull(task.blackNum) };
}
