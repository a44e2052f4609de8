import { EnvReader } from './env-parser';

export interface IdempotencyConfig {
  /** The largest answer kept for a replay (bytes, serialised); a larger success is kept as "succeeded" only. */
  maxRecordBytes: number;
}

/** A business result with a hundred children fits; a reservation's kept answer is a few hundred bytes. */
export const DEFAULT_IDEMPOTENCY_MAX_RECORD_BYTES = 8192;

export function readIdempotencyConfig(env: EnvReader): IdempotencyConfig {
  return { maxRecordBytes: env.integer('IDEMPOTENCY_MAX_RECORD_BYTES', DEFAULT_IDEMPOTENCY_MAX_RECORD_BYTES, 256, 1024 * 1024) };
}
