import { setTimeout as sleep } from 'node:timers/promises';
import type { Cluster, Redis } from 'ioredis';

/** Why a Redis command failed, in the words logs and "unavailable" errors carry. */
export function failureReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one Redis command. Every failure (refused, disconnected, timed out: commands fail fast
 * instead of queueing, src/redis/redis-connection.ts) becomes the caller's own "unavailable" error,
 * built from the reason, so each caller keeps the error its own callers already know.
 */
export async function orUnavailable<T>(command: () => Promise<T>, unavailable: (reason: string) => Error): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw unavailable(failureReason(error));
  }
}

/** Resolves true once `client` is ready, or false when `ms` pass first (the wait never holds the process open). */
export async function readyWithin(client: Redis | Cluster, ms: number): Promise<boolean> {
  if (client.status === 'ready') return true;
  const done = new AbortController();
  // Not events.once(): it rejects on the 'error' events a connection emits while it retries.
  const ready = new Promise<boolean>((resolve) => {
    const onReady = () => resolve(true);
    client.once('ready', onReady);
    done.signal.addEventListener('abort', () => client.removeListener('ready', onReady));
  });
  try {
    return await Promise.race([ready, sleep(ms, false, { ref: false, signal: done.signal })]);
  } finally {
    done.abort();
  }
}
