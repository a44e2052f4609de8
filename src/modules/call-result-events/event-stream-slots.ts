import { ProblemKind, ProblemKindError } from '../../common/errors/gateway-error';

const TOO_MANY: ProblemKind = { slug: 'too-many-event-streams', title: 'Too many open event streams', status: 429, retryAfterS: 5 };
const FULL: ProblemKind = { slug: 'event-streams-full', title: 'This replica holds as many event streams as it may', status: 503, retryAfterS: 5 };

export class TooManyEventStreamsError extends ProblemKindError {
  constructor(max: number) {
    super(TOO_MANY, `These credentials already hold ${max} open event streams on this replica (CALL_RESULT_SSE_MAX_PER_PRINCIPAL); close one first.`);
  }
}

export class EventStreamsFullError extends ProblemKindError {
  constructor() {
    super(FULL, 'This replica holds CALL_RESULT_SSE_MAX open event streams; try again shortly (another replica may take it).');
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
