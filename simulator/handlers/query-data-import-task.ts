import { idFilteredList } from './id-filtered-list';

/** POST blackfile/queryDataImportTask {offset, limit, importTaskIds?} -> {result, count} (docs/isales/api-notes.md §1.1). */
export const queryDataImportTask = idFilteredList({
  name: 'queryDataImportTask',
  idsField: 'importTaskIds',
  listField: 'result',
  rows: (dataset) => dataset.importTasks,
  idOf: (task) => task.id,
});
