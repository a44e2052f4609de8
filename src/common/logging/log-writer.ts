import { write, writeSync } from 'node:fs';

export interface LogWriterOptions {
  /** The file descriptor lines go to (1: stdout). */
  fd: number;
  /** Buffered bytes that start a write: lines go out in writes of at least this size. */
  minBytes: number;
  /** Whatever is buffered is written at least this often (ms) when traffic is low; 0: never on a timer. */
  flushEveryMs: number;
}

/** How long a write that found the pipe full (EAGAIN) waits before it tries again. */
const RETRY_FULL_MS = 10;
/** The UTF-8 bytes of one UTF-16 code unit, at most: room a line is sure to fit in. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * The process's log stream: each whole line is encoded into a buffer as it is appended, and the
 * buffers are written asynchronously in large writes, one write in flight at a time. A line is
 * garbage as soon as it is appended: nothing on the JavaScript heap waits for the write (a string
 * kept until then outlives the young generation and is promoted, and under load that is most of
 * what old space collects). The buffers live outside the heap and are reused. It is pino's
 * destination (the application's log) and the access log's, so both share one order. What is
 * still buffered is written by `flushSync()`, on shutdown and on a fatal error; only a SIGKILL loses it.
 */
export class LogWriter {
  private readonly capacity: number;
  /** Lines appended and not yet handed to a write: `filling[0, used)`. */
  private filling: Buffer;
  private used = 0;
  /** Filled buffers waiting for the write under way, oldest first. */
  private readonly queued: Buffer[] = [];
  /** Bytes handed to a write, or waiting to retry one; `owner` is the whole buffer they are in. */
  private chunk: Buffer | null = null;
  private owner: Buffer | null = null;
  /** A buffer whose bytes are written, taken for the next lines. */
  private spare: Buffer | null = null;
  /** A write of `chunk` (or of a chunk flushSync took over) is in libuv's thread pool. */
  private writing = false;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly drained: Array<() => void> = [];

  constructor(private readonly options: LogWriterOptions) {
    this.capacity = Math.max(64 * 1024, options.minBytes * 2);
    this.filling = Buffer.allocUnsafeSlow(this.capacity);
    if (options.flushEveryMs > 0) {
      this.timer = setInterval(() => this.flush(), options.flushEveryMs);
      this.timer.unref();
    }
  }

  /** Appends `line` (a whole line, newline included); a write starts once enough is buffered. */
  write(line: string): boolean {
    if (this.used + line.length * MAX_BYTES_PER_UNIT > this.filling.length) this.rotate(line.length * MAX_BYTES_PER_UNIT);
    this.used += this.filling.write(line, this.used);
    if (this.chunk === null && !this.writing && this.used >= this.options.minBytes) this.startWrite();
    return true;
  }

  /** Starts writing whatever is buffered (unless a write is under way: it goes on with the rest). */
  flush(): void {
    if (this.chunk === null && !this.writing && this.buffered()) this.startWrite();
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
    const parts = [...(!this.writing && this.chunk ? [this.chunk] : []), ...this.queued, this.filling.subarray(0, this.used)];
    this.chunk = null;
    this.owner = null;
    this.queued.length = 0;
    this.filling = Buffer.allocUnsafeSlow(this.capacity);
    this.used = 0;
    for (const part of parts) {
      let rest = part;
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
  }

  private buffered(): boolean {
    return this.queued.length > 0 || this.used > 0;
  }

  /** The filling buffer has no room for `bytes` more: it waits in the queue, and lines go on in another. */
  private rotate(bytes: number): void {
    if (this.used > 0) this.queued.push(this.filling.subarray(0, this.used));
    this.filling = bytes <= this.capacity && this.spare ? this.spare : Buffer.allocUnsafeSlow(Math.max(this.capacity, bytes));
    this.spare = null;
    this.used = 0;
  }

  private startWrite(): void {
    const queued = this.queued.shift();
    if (queued) {
      this.chunk = queued;
    } else {
      this.chunk = this.filling.subarray(0, this.used);
      this.filling = this.spare ?? Buffer.allocUnsafeSlow(this.capacity);
      this.spare = null;
      this.used = 0;
    }
    this.owner = this.chunk;
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
        this.owner = null;
        this.queued.length = 0;
        this.used = 0;
        return this.settle();
      }
      if (written < chunk.length) {
        this.chunk = chunk.subarray(written);
        return this.writeChunk();
      }
      this.release();
      if (this.queued.length > 0 || this.used >= this.options.minBytes) this.startWrite();
      else this.settle();
    });
  }

  /** The chunk is written: its buffer, when it is a whole one, takes the next lines. */
  private release(): void {
    const owner = this.owner;
    this.chunk = null;
    this.owner = null;
    if (owner && this.spare === null && owner.buffer.byteLength === this.capacity && owner.byteOffset === 0) {
      this.spare = Buffer.from(owner.buffer, 0, this.capacity);
    }
  }

  private settle(): void {
    if (this.drained.length === 0 || this.writing || this.chunk !== null) return;
    if (this.buffered()) return this.startWrite();
    for (const resolve of this.drained.splice(0)) resolve();
  }
}

/**
 * stdout as the gateway writes it: 32 KiB per write (about 70 lines), and at least every 250 ms
 * when traffic is low. Each write is a round trip through libuv's thread pool and a wake-up of the
 * log collector, hence few and large.
 */
export function stdoutWriter(): LogWriter {
  return new LogWriter({ fd: 1, minBytes: 32768, flushEveryMs: 250 });
}
