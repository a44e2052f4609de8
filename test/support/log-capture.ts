import { Writable } from 'node:stream';

/** An in-memory pino destination: tests read every line the app logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }

  text(): string {
    return this.lines.join('\n');
  }

  /** Lines logged from now on: `const since = logs.mark(); ...; since()`. */
  mark(): () => string[] {
    const start = this.lines.length;
    return () => this.lines.slice(start);
  }
}

/**
 * nestjs-pino keeps one root logger per process, bound to the first application's stream, so every
 * gateway a test file starts logs into this one capture.
 */
export const sharedLogCapture = new LogCapture();
