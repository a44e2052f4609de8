import type { components } from './openapi.generated.js';

type Schemas = components['schemas'];

/** RFC 9457 problem details: the body of every error the gateway answers (`error` in a result). */
export type Problem = Schemas['ProblemDetailsDto'];

export type FileServer = Schemas['FileServerDto'];
export type FileServerPage = Schemas['FileServerPageDto'];
export type ImportTask = Schemas['ImportTaskDto'];
export type ImportTaskPage = Schemas['ImportTaskPageDto'];
export type BusinessResult = Schemas['BusinessResultDto'];
export type BusinessResultPage = Schemas['BusinessResultPageDto'];
export type BusinessResultLookup = Schemas['BusinessResultLookupDto'];
export type Appointment = Schemas['AppointmentDto'];
export type AppointmentPage = Schemas['AppointmentPageDto'];
// Call results, call data and the campaigns' call-data import tasks.
export type CallResult = Schemas['CallResultDto'];
export type BusinessResultWriteBack = Schemas['BusinessResultWriteBackDto'];
export type CallDataImportTask = Schemas['CallDataImportTaskDto'];
export type CallDataImportTaskPage = Schemas['CallDataImportTaskPageDto'];
// Campaigns and do-not-call numbers.
export type CampaignSummary = Schemas['CampaignSummaryDto'];
export type Campaign = Schemas['CampaignDto'];
export type CampaignPage = Schemas['CampaignPageDto'];
export type BlockedNumber = Schemas['BlockedNumberDto'];
export type BlockedNumberPage = Schemas['BlockedNumberPageDto'];
export type AddBlockedNumbers = Schemas['AddBlockedNumbersDto'];
