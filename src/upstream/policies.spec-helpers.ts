import { loadConfig } from '../config/configuration';
import { IsalesBusinessError, IsalesHttpError, IsalesTimeoutError, IsalesUnreachableError } from './isales.errors';
import { Attempt, AttemptContext, IsalesPolicies, UpstreamCallSpec } from './isales-policies';
import { UpstreamQuota } from './upstream-quota';

// What the policy specs share: the chains built from configuration, and attempt functions that answer
// as iSales would have been translated by the client (the client itself is tested against the simulator).

/** One call through its operation's chain, as the client makes it. */
export const run = <T>(p: IsalesPolicies, call: UpstreamCallSpec, attempt: Attempt<T>): Promise<T> => p.chain(call.operation).execute(call, attempt);

export function policies(env: Record<string, string> = {}, quota: UpstreamQuota | null = null) {
  const config = loadConfig({
    ISALES_BASE_URL: 'http://127.0.0.1:1',
    ISALES_AK: 'ak',
    ISALES_SK: 'sk',
    ISALES_TIMEOUT_MS: '2000',
    ISALES_RETRY_BASE_MS: '1',
    ...env,
  });
  return new IsalesPolicies(config, quota);
}

export const read: UpstreamCallSpec = { operation: 'queryServer', vdnId: 1, idempotent: true };
export const write: UpstreamCallSpec = { operation: 'queryServer', vdnId: 1, idempotent: false };

/** An attempt function answering from a script, one entry per attempt (the last one repeats). */
export function scripted(...outcomes: Array<Error | string>) {
  const contexts: AttemptContext[] = [];
  const attempt = async (context: AttemptContext) => {
    const outcome = outcomes[Math.min(contexts.length, outcomes.length - 1)];
    contexts.push(context);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return {
    attempt,
    contexts,
    get calls() {
      return contexts.length;
    },
  };
}

export async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

/** A promise the test resolves when it chooses: an attempt awaiting it is in flight until then. */
export function held(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** An attempt that answers 'ok' once the test opens its gate; `started` counts the attempts begun. */
export function gatedAttempt() {
  const gate = held();
  let started = 0;
  const attempt = async () => {
    started++;
    await gate.promise;
    return 'ok';
  };
  return {
    attempt,
    open: gate.open,
    get started() {
      return started;
    },
  };
}

export const http = (status: number, retryAfterS?: number) => new IsalesHttpError('queryServer', status, retryAfterS);
export const dropped = () => new IsalesUnreachableError('queryServer', 'ECONNRESET');
export const refused = () => new IsalesUnreachableError('queryServer', 'ECONNREFUSED', true);
export const hung = () => new IsalesTimeoutError('queryServer', 2000);
export const business = () => new IsalesBusinessError('queryServer', '0200001', 'Parameter error', 'invalid');

/** An attempt as the transport runs one that gets no answer: its own timer ends it, as a timeout. */
export const unanswered = (contexts: AttemptContext[]) => (context: AttemptContext) =>
  new Promise<string>((_, reject) => {
    contexts.push(context);
    setTimeout(() => reject(new IsalesTimeoutError('queryServer', context.reportedMs)), context.timeoutMs);
  });
