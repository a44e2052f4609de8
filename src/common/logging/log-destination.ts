import pino from 'pino';
import { PinoLogger } from 'nestjs-pino';

export type LogDestination = ReturnType<typeof pino.destination>;

/**
 * stdout through sonic-boom's asynchronous, buffered writer: a request's log line costs the hot
 * path a string append, not a write(2) that blocks the event loop (synchronous stdout took about a
 * fifth of a cache hit's CPU, docs/design.md section 7). Lines go out 32 KB at a time (about 70 lines), and
 * at least every 250 ms when traffic is low: each write is a round trip through libuv's thread pool and a
 * wake-up of the log collector (32 KB writes instead of 4 KB ones: a cache hit at 0.44 and 0.48 of the bare
 * server instead of 0.37 in short runs, within the machine's spread in a long one, bench/README.md). Whatever is buffered is flushed on shutdown and on a fatal
 * error (flushLogsAndExit); only a SIGKILL loses it (at most 32 KB, or 250 ms of lines).
 */
export function asyncStdout(): LogDestination {
  return pino.destination({ dest: 1, sync: false, minLength: 32768, maxWrite: 65536, periodicFlush: 250 });
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
