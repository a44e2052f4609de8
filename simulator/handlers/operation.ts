import type { VdnDataset } from '../data/records';
import type { EnvelopeMode, ResponseBody } from '../envelope';
import type { OperationName } from '../types';

export interface OperationSettings {
  maxIds: number;
  dropCount: boolean;
  envelope: EnvelopeMode;
}

export interface OperationRequest {
  /** Raw body text as received. */
  body: string;
  query: URLSearchParams;
  dataset: VdnDataset;
  settings: OperationSettings;
}

/** One iSales operation: where it lives and how it answers. `handle` throws ValidationFailure on bad input. */
export interface OperationDefinition {
  name: OperationName;
  method: 'GET' | 'POST';
  /** The path after `/rest/isales/v1/openapi/campaigns/{vdnId}/`. */
  pathSuffix: string;
  handle(request: OperationRequest): ResponseBody;
}
