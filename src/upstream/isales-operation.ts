/** The upstream operations the gateway calls; error tables and logs are keyed by these names. */
export const ISALES_OPERATIONS = [
  'queryDataImportTask',
  'queryServer',
  'queryBusinessResults',
  'appointList',
  'addServer',
  'updateServer',
  'deleteServer',
  'appointCreate',
  'appointUpdate',
  'appointUpdateResult',
  'appointDelete',
  'addBusinessResult',
] as const;
export type IsalesOperation = (typeof ISALES_OPERATIONS)[number];
