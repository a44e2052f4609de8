import { CallbackTokenEntry, parseCallbackTokens } from './callback-tokens.parser';
import { parseTrustedProxies } from './trusted-proxies';
import { EnvReader } from './env-parser';

/** iSales' result callback and the call-result streams (docs/design.md section 18). */
export interface CallResultsConfig {
  /** ISALES_CALLBACK_TOKENS; empty: the receiver answers 404 to everyone. */
  callbackTokens: CallbackTokenEntry[];
  /** ISALES_CALLBACK_SOURCES: addresses/CIDRs a push may come from (after TRUST_PROXY); null: any. */
  callbackSources: readonly string[] | null;
  /** CALL_RESULT_STREAM_MAXLEN: entries kept per VDN (approximately: trimmed with `MAXLEN ~`). */
  streamMaxLen: number;
  /** CALL_RESULT_STREAM_MAX_AGE_S: entries older are trimmed; a callId is remembered as long. */
  streamMaxAgeS: number;
  /** CALL_RESULT_SSE_MAX: open event streams per replica (503 beyond). */
  sseMax: number;
  /** CALL_RESULT_SSE_MAX_PER_PRINCIPAL: open event streams per principal on one replica (429 beyond). */
  sseMaxPerPrincipal: number;
  /** CALL_RESULT_SSE_HEARTBEAT_S: an idle stream gets a comment line this often (proxies close silent ones). */
  sseHeartbeatS: number;
}

function readTokens(env: EnvReader): CallbackTokenEntry[] {
  const text = env.optionalString('ISALES_CALLBACK_TOKENS');
  if (text === undefined) return [];
  const parsed = parseCallbackTokens(text);
  if ('problem' in parsed) {
    env.problem('ISALES_CALLBACK_TOKENS', parsed.problem);
    return [];
  }
  return parsed.tokens;
}

function readSources(env: EnvReader): readonly string[] | null {
  const raw = env.optionalString('ISALES_CALLBACK_SOURCES')?.trim();
  if (raw === undefined || raw === '') return null;
  const parsed = parseTrustedProxies(raw);
  if ('invalid' in parsed) {
    env.problem('ISALES_CALLBACK_SOURCES', 'must be comma-separated addresses/CIDRs such as 10.20.0.0/16');
    return null;
  }
  return parsed.list;
}

export function readCallResultsConfig(env: EnvReader): CallResultsConfig {
  const sseMax = env.integer('CALL_RESULT_SSE_MAX', 100, 1, 10000);
  return {
    callbackTokens: readTokens(env),
    callbackSources: readSources(env),
    streamMaxLen: env.integer('CALL_RESULT_STREAM_MAXLEN', 100000, 100, 10_000_000),
    streamMaxAgeS: env.integer('CALL_RESULT_STREAM_MAX_AGE_S', 86400, 60, 30 * 86400),
    sseMax,
    sseMaxPerPrincipal: env.integer('CALL_RESULT_SSE_MAX_PER_PRINCIPAL', Math.min(10, sseMax), 1, 10000),
    sseHeartbeatS: env.integer('CALL_RESULT_SSE_HEARTBEAT_S', 15, 1, 300),
  };
}
