import pino from 'pino';
import { PinoLogger } from 'nestjs-pino';

export type LogDestination = ReturnType<typeof pino.destination>;

/**
 * stdout through sonic-boom's asynchronous, buffered writer: a request's log line costs the hot
 * path a string append, not a write(2) that blocks the event loop (synchronous stdout took about a
 * fifth of a cache hit's CPU, docs/design.md section 7). Lines go out 4 KB at a time, and at least every
 * 250 ms when traffic is low (fewer writes measured a little faster than one per burst, bench/README.md);
 * whatever is buffered is flushed on shutdown and on a fatal error (flushLogsAndExit).
 */
export function asyncStdout(): LogDestination {
  return pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 });
}

/** Writes what is still buffered, synchronously, then exits: nothing logged before the exit is lost. */
export function flushLogsAndExit(destination: LogDestination, code: number): never {
  try {
    destination.flushSync();
  } catch {
    // stdout is gone (a closed pipe): nothing left to save.
  }
  process.exit(code);
}

/**
 * An uncaught exception (or, in Node's default mode, an unhandled rejection) is logged as `fatal`
 * with its stack, the buffer is flushed, and the process exits 1, as Node itself would.
 */
export function exitOnFatalError(destination: LogDestination): void {
  process.on('uncaughtException', (error, origin) => {
    const root = PinoLogger.root as pino.Logger | undefined;
    if (root) root.fatal({ err: error, origin }, 'uncaught exception: exiting');
    else process.stderr.write(`isales-gateway: ${origin}: ${error?.stack ?? String(error)}\n`);
    flushLogsAndExit(destination, 1);
  });
}
