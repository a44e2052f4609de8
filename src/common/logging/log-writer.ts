import { write, writeSync } from 'node:fs';

export interface LogWriterOptions {
  /** The file descriptor lines go to (1: stdout). */
  fd: number;
  /** Buffered characters that start a write: lines go out in writes of at least this size. */
  minChars: number;
  /** Whatever is buffered is written at least this often (ms) when traffic is low; 0: never on a timer. */
  flushEveryMs: number;
}

/** How long a write that found the pipe full (EAGAIN) waits before it tries again. */
const RETRY_FULL_MS = 10;

/**
 * The process's log stream: whole lines appended to a string, written asynchronously in large
 * writes, one write in flight at a time. A line costs an append: the buffer is measured by its
 * string length, never re-encoded or re-counted in bytes until it is written (sonic-boom counts the
 * bytes of its whole pending buffer on every write). It is pino's destination (the application's
 * log) and the access log's, so both share one order. What is still buffered is written by
 * `flushSync()`, on shutdown and on a fatal error; only a SIGKILL loses it.
 */
export class LogWriter {
  private pending = '';
  /** Bytes taken from `pending` and not yet written: handed to a write, or waiting to retry one. */
  private chunk: Buffer | null = null;
  /** A write of `chunk` (or of a chunk flushSync took over) is in libuv's thread pool. */
  private writing = false;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly drained: Array<() => void> = [];

  constructor(private readonly options: LogWriterOptions) {
    if (options.flushEveryMs > 0) {
      this.timer = setInterval(() => this.flush(), options.flushEveryMs);
      this.timer.unref();
    }
  }

  /** Appends `line` (a whole line, newline included); a write starts once enough is buffered. */
  write(line: string): boolean {
    this.pending += line;
    if (this.chunk === null && !this.writing && this.pending.length >= this.options.minChars) this.startWrite();
    return true;
  }

  /** Starts writing whatever is buffered (unless a write is under way: it goes on with the rest). */
  flush(): void {
    if (this.chunk === null && !this.writing && this.pending.length > 0) this.startWrite();
  }

  /** Resolves once everything appended so far has been written (tests, and a quiet end). */
  drain(): Promise<void> {
    this.flush();
    if (this.chunk === null && !this.writing) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  /**
   * Writes everything still buffered, synchronously: the last thing before an exit. A write already
   * in the thread pool completes on its own (its bytes are not written twice); a chunk waiting to be
   * retried is written here, first.
   */
  flushSync(): void {
    if (this.timer) clearInterval(this.timer);
    const waiting = this.writing ? null : this.chunk;
    let rest = waiting ? Buffer.concat([waiting, Buffer.from(this.pending)]) : Buffer.from(this.pending);
    this.pending = '';
    this.chunk = null;
    while (rest.length > 0) {
      try {
        rest = rest.subarray(writeSync(this.options.fd, rest));
      } catch (error) {
        // A non-blocking pipe that is full: wait for the reader, briefly and without spinning.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RETRY_FULL_MS);
      }
    }
  }

  private startWrite(): void {
    this.chunk = Buffer.from(this.pending);
    this.pending = '';
    this.writeChunk();
  }

  private writeChunk(): void {
    const chunk = this.chunk!;
    this.writing = true;
    write(this.options.fd, chunk, 0, chunk.length, null, (error, written) => {
      this.writing = false;
      // flushSync() took over meanwhile: everything else is written.
      if (this.chunk !== chunk) return this.settle();
      if (error?.code === 'EAGAIN') {
        setTimeout(() => this.chunk === chunk && !this.writing && this.writeChunk(), RETRY_FULL_MS).unref();
        return;
      }
      if (error) {
        // stdout is gone (a closed pipe): nothing can be saved, and the log must not end the process.
        this.chunk = null;
        this.pending = '';
        return this.settle();
      }
      if (written < chunk.length) {
        this.chunk = chunk.subarray(written);
        return this.writeChunk();
      }
      this.chunk = null;
      if (this.pending.length >= this.options.minChars) this.startWrite();
      else this.settle();
    });
  }

  private settle(): void {
    if (this.drained.length === 0 || this.writing || this.chunk !== null) return;
    if (this.pending.length > 0) return this.startWrite();
    for (const resolve of this.drained.splice(0)) resolve();
  }
}

/**
 * stdout as the gateway writes it: 32 Ki characters per write (about 70 lines), and at least every
 * 250 ms when traffic is low. Each write is a round trip through libuv's thread pool and a wake-up
 * of the log collector, hence few and large.
 */
export function stdoutWriter(): LogWriter {
  return new LogWriter({ fd: 1, minChars: 32768, flushEveryMs: 250 });
}
