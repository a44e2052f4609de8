import { FSWatcher, readFile, Stats, unwatchFile, watch, watchFile } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface FileWatchOptions {
  /** Quiet time after the last event before the file is read (one read per burst of events). */
  debounceMs: number;
  /** Interval of the stat poll that backs up fs.watch (which can miss events or die with its directory). */
  pollMs: number;
  /** The file's text after a change (may be called with unchanged text: the caller compares). */
  onText(text: string): void;
  /** The file could not be read, or the directory watch failed; the reason names no content. */
  onError(reason: string): void;
}

export interface FileWatch {
  close(): void;
}

/**
 * Watches a file that is replaced rather than edited. Kubernetes updates a mounted Secret by
 * writing a new timestamped directory and renaming the `..data` symlink in the mount directory
 * onto it; the file itself is a symlink through `..data`, so its own inode never changes and a
 * watch on the file sees nothing. Hence a watch on the directory (any event there may be the
 * swap), backed by a stat poll that follows the symlinks, both feeding one debounced read.
 * Nothing here keeps the process alive.
 */
export function watchReplacedFile(path: string, options: FileWatchOptions): FileWatch {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let directoryWatch: FSWatcher | undefined;

  const read = () => {
    timer = undefined;
    readFile(path, 'utf8', (error, text) => {
      if (closed) return;
      if (error) options.onError(`cannot read ${basename(path)} (${error.code ?? 'error'})`);
      else options.onText(text);
    });
  };
  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(read, options.debounceMs).unref();
  };

  try {
    directoryWatch = watch(dirname(path), { persistent: false }, schedule);
    directoryWatch.on('error', (error: NodeJS.ErrnoException) => {
      options.onError(`the directory watch failed (${error.code ?? 'error'}); polling every ${options.pollMs} ms`);
      directoryWatch?.close();
      directoryWatch = undefined;
    });
  } catch (error) {
    options.onError(`cannot watch the directory (${(error as NodeJS.ErrnoException).code ?? 'error'}); polling every ${options.pollMs} ms`);
  }
  const onStat = (current: Stats, previous: Stats) => {
    if (current.mtimeMs !== previous.mtimeMs || current.ino !== previous.ino || current.size !== previous.size) schedule();
  };
  watchFile(path, { persistent: false, interval: options.pollMs }, onStat);

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      directoryWatch?.close();
      unwatchFile(path, onStat);
    },
  };
}
