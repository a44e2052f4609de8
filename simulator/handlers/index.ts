import { appointList } from './appoint-list';
import type { OperationDefinition } from './operation';
import { queryBusinessResults } from './query-business-results';
import { queryDataImportTask } from './query-data-import-task';
import { queryServer } from './query-server';

export const OPERATIONS: readonly OperationDefinition[] = [
  queryDataImportTask,
  queryServer,
  queryBusinessResults,
  appointList,
];
