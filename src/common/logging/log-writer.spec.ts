import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogWriter } from './log-writer';

describe('LogWriter', () => {
  let dir: string;
  let file: string;
  let fd: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'log-writer-'));
    file = join(dir, 'log');
    fd = openSync(file, 'a');
  });
  afterEach(() => {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });

  const line = (n: number) => `{"n":${n},"text":"é${'x'.repeat(n % 50)}"}\n`;
  /** Lines `from` to `to` (excluded), as `line` makes them, unless `text` makes some otherwise. */
  const lines = (from: number, to: number, text = line) => Array.from({ length: to - from }, (_, i) => text(from + i));
  /** Writes `texts` one by one; they are what the file should hold once drained. */
  const writeAll = (writer: LogWriter, texts: string[]) => {
    for (const text of texts) writer.write(text);
    return texts;
  };

  it('keeps lines until enough is buffered, then writes them in order, in whole', async () => {
    const writer = new LogWriter({ fd, minBytes: 1000, flushEveryMs: 0 });
    writer.write(line(0));
    expect(readFileSync(file, 'utf8')).toBe('');
    const expected = [line(0), ...writeAll(writer, lines(1, 500))];
    await writer.drain();
    expect(readFileSync(file, 'utf8')).toBe(expected.join(''));
  });

  it('keeps the order across many buffers, a line longer than a buffer included', async () => {
    const writer = new LogWriter({ fd, minBytes: 1000, flushEveryMs: 0 });
    const expected = writeAll(
      writer,
      lines(0, 20000, (n) => (n === 7000 ? `{"long":"${'é'.repeat(100_000)}"}\n` : line(n))),
    );
    await writer.drain();
    expect(readFileSync(file, 'utf8')).toBe(expected.join(''));
  });

  it('writes everything once on flushSync, beside the write already under way', async () => {
    const writer = new LogWriter({ fd, minBytes: 100, flushEveryMs: 0 });
    const expected = writeAll(writer, lines(0, 300));
    writer.flushSync();
    // Only the write already in the thread pool may land after flushSync's.
    await writer.drain();
    const written = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(written.sort()).toEqual(expected.map((l) => l.slice(0, -1)).sort());
  });

  it('writes what little is buffered on flush', async () => {
    const writer = new LogWriter({ fd, minBytes: 1 << 20, flushEveryMs: 0 });
    writer.write(line(1));
    writer.flush();
    await writer.drain();
    expect(readFileSync(file, 'utf8')).toBe(line(1));
  });
});
