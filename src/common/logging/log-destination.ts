import type pino from 'pino';
import { PinoLogger } from 'nestjs-pino';
import { LogWriter } from './log-writer';

/** Writes what is still buffered, synchronously, then exits: nothing logged before the exit is lost. */
export function flushLogsAndExit(destination: LogWriter, code: number): never {
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
export function exitOnFatalError(destination: LogWriter): void {
  process.on('uncaughtException', (error, origin) => {
    const root = PinoLogger.root as pino.Logger | undefined;
    if (root) root.fatal({ err: error, origin }, 'uncaught exception: exiting');
    else process.stderr.write(`isales-gateway: ${origin}: ${error?.stack ?? String(error)}\n`);
    flushLogsAndExit(destination, 1);
  });
}
