import { GatewayError } from '../../common/errors/gateway-error';

export class TooManyEventStreamsError extends GatewayError {
  readonly slug = 'too-many-event-streams';
  readonly title = 'Too many open event streams';
  readonly status = 429;

  constructor(max: number) {
    super(`These credentials already hold ${max} open event streams on this replica (CALL_RESULT_SSE_MAX_PER_PRINCIPAL); close one first.`);
    this.retryAfterS = 5;
  }
}

export class EventStreamsFullError extends GatewayError {
  readonly slug = 'event-streams-full';
  readonly title = 'This replica holds as many event streams as it may';
  readonly status = 503;

  constructor() {
    super('This replica holds CALL_RESULT_SSE_MAX open event streams; try again shortly (another replica may take it).');
    this.retryAfterS = 5;
  }
}

/**
 * Counts open event streams per replica (CALL_RESULT_SSE_MAX) and per principal
 * (CALL_RESULT_SSE_MAX_PER_PRINCIPAL). Only admitted principals take a slot, so the map holds at
 * most CALL_RESULT_SSE_MAX entries.
 */
export class EventStreamSlots {
  private total = 0;
  private readonly byPrincipal = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly maxPerPrincipal: number,
    private readonly onChange: (open: number) => void = () => undefined,
  ) {}

  get open(): number {
    return this.total;
  }

  /** Takes a slot or throws the 429/503; the returned function gives it back (once). */
  take(principal: string): () => void {
    const held = this.byPrincipal.get(principal) ?? 0;
    if (held >= this.maxPerPrincipal) throw new TooManyEventStreamsError(this.maxPerPrincipal);
    if (this.total >= this.max) throw new EventStreamsFullError();
    this.byPrincipal.set(principal, held + 1);
    this.total += 1;
    this.onChange(this.total);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.byPrincipal.get(principal) ?? 1) - 1;
      if (left > 0) this.byPrincipal.set(principal, left);
      else this.byPrincipal.delete(principal);
      this.total -= 1;
      this.onChange(this.total);
    };
  }
}
