import { CallDeadline } from './call-deadline';

interface Waiter {
  resolve(): void;
  reject(expired: DeadlineExpired): void;
  timer: NodeJS.Timeout;
}

/** A waiter's deadline passed before a slot came free. */
export class DeadlineExpired extends Error {}

/**
 * At most `capacity` calls in flight and `queueSize` waiting, in order; the rest are turned away at
 * once. A free slot costs nothing: `enter` answers synchronously, and only a waiter arms a timer (its
 * call's deadline), so the common path allocates no promise.
 */
export class Bulkhead {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    readonly capacity: number,
    readonly queueSize: number,
  ) {}

  /** `true`: a slot is held; `false`: full, turned away; a promise: queued (rejects with DeadlineExpired). */
  enter(deadline: CallDeadline): boolean | Promise<void> {
    if (this.active < this.capacity) {
      this.active++;
      return true;
    }
    if (this.waiting.length >= this.queueSize) return false;
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(new DeadlineExpired());
        }, deadline.remainingMs()),
      };
      this.waiting.push(waiter);
    });
  }

  /** Frees a slot, or hands it straight to the first waiter. */
  leave(): void {
    const next = this.waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve();
    } else {
      this.active--;
    }
  }

  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }
}
