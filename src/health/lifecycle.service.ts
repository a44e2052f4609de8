import { Injectable, OnApplicationBootstrap } from '@nestjs/common';

/** Whether the gateway should receive traffic: not before it listens, not once it is shutting down. */
@Injectable()
export class LifecycleService implements OnApplicationBootstrap {
  private phase: 'starting' | 'serving' | 'stopping' = 'starting';

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
    this.phase = 'stopping';
  }
}
