import { Injectable, OnApplicationBootstrap } from '@nestjs/common';

/** Whether the gateway should receive traffic: not before it listens, not once it is shutting down. */
@Injectable()
export class LifecycleService implements OnApplicationBootstrap {
  private phase: 'starting' | 'serving' | 'stopping' = 'starting';
  private readonly stoppingListeners: (() => void)[] = [];

  get current(): 'starting' | 'serving' | 'stopping' {
    return this.phase;
  }

  /** Nest calls this once every module is initialised, just before the listener opens. */
  onApplicationBootstrap(): void {
    this.markServing();
  }

  markServing(): void {
    if (this.phase === 'starting') this.phase = 'serving';
  }

  markStopping(): void {
    if (this.phase === 'stopping') return;
    this.phase = 'stopping';
    for (const listener of this.stoppingListeners) listener();
  }

  /** Runs `listener` when draining starts: what never ends by itself (event streams) ends then. */
  onStopping(listener: () => void): void {
    this.stoppingListeners.push(listener);
  }
}
