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
}
