import type { VdnDataset } from '../data/records';
import type { EnvelopeMode, ResponseBody } from '../envelope';
import type { OperationName } from '../types';

export interface OperationSettings {
  maxIds: number;
  dropCount: boolean;
  envelope: EnvelopeMode;
  appointCreateIdField: 'appointId' | 'id';
}

export interface OperationRequest {
  /** Raw body text as received. */
  body: string;
  query: URLSearchParams;
  /** Raw path parameters of the operation's own path (`serverId`), not yet validated. */
  params: Record<string, string>;
  vdnId: number;
  dataset: VdnDataset;
  settings: OperationSettings;
  now: Date;
  /** A fresh 30-digit id, unique within this simulator. */
  newId: () => string;
}

/** One iSales operation: where it lives and how it answers. `handle` throws ValidationFailure on bad input. */
export interface OperationDefinition {
  name: OperationName;
  method: 'GET' | 'POST';
  /** The path after `/rest/isales/v1/openapi/campaigns/{vdnId}/`; `{name}` marks a path parameter. */
  pathSuffix: string;
  handle(request: OperationRequest): ResponseBody;
}
