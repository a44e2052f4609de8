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

/**
 * How one iSales operation answers; `handle` throws ValidationFailure on bad input. Where it lives
 * (method, path) is the catalogue's declaration (src/upstream/operations.catalogue.ts), which the
 * route table reads.
 */
export interface OperationDefinition {
  name: OperationName;
  handle(request: OperationRequest): ResponseBody;
}
