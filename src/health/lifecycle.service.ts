import { Injectable } from '@nestjs/common';

/** Whether the gateway should receive traffic: not before it listens, not once it is shutting down. */
@Injectable()
export class LifecycleService {
  private phase: 'starting' | 'serving' | 'stopping' = 'starting';

  get current(): 'starting' | 'serving' | 'stopping' {
    return this.phase;
  }

  markServing(): void {
    if (this.phase === 'starting') this.phase = 'serving';
  }

  markStopping(): void {
    this.phase = 'stopping';
  }
}
