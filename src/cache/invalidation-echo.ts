/** The longest a drop waits to hear its invalidation come back before answering anyway. */
const ECHO_WAIT_MS = 200;

/**
 * Lets a drop wait until this replica hears an invalidation come back. The store sends one message
 * to every subscriber at once, so once this replica hears its own drop, the others have been sent
 * it too: a caller who writes through one replica and then reads through another does not race the
 * message. Bounded: a lost message costs at most ECHO_WAIT_MS.
 */
export class InvalidationEcho {
  private readonly waiting: Array<() => void> = [];

  /** Resolves at the next invalidation heard, at the latest after ECHO_WAIT_MS. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, ECHO_WAIT_MS);
      timer.unref();
      this.waiting.push(done);
    });
  }

  /** An invalidation was heard: every drop waiting for one goes on. */
  heard(): void {
    for (const done of this.waiting.splice(0)) done();
  }
}
