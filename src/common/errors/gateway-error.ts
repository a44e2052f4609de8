import { InvalidParam, UpstreamFault } from './problem';
import type { UpstreamMeaning } from './upstream-meaning';

/**
 * The one error base of the gateway: a stable `slug` (the problem type), an HTTP status and a
 * title. Anything thrown that is not a GatewayError is rendered as a 500 with no detail.
 */
export abstract class GatewayError extends Error {
  abstract readonly slug: string;
  abstract readonly title: string;
  abstract readonly status: number;
  readonly upstream?: UpstreamFault;
  /** Set by upstream failures only: what the failure means for retry, breaker, replay and metrics. */
  readonly upstreamMeaning?: UpstreamMeaning;
  readonly invalidParams?: InvalidParam[];
  /** Seconds, sent as `Retry-After`. */
  retryAfterS?: number;
  /** Extra response headers (e.g. `WWW-Authenticate`); never a secret. */
  headers?: Readonly<Record<string, string>>;

  constructor(readonly detail: string) {
    super(detail);
    this.name = new.target.name;
  }
}

/** What a problem says whatever the occasion: its type, title and status, Retry-After and the upstream fault when it has them. */
export interface ProblemKind {
  readonly slug: string;
  readonly title: string;
  readonly status: number;
  readonly retryAfterS?: number;
  readonly upstream?: UpstreamFault;
}

/**
 * A GatewayError whose fixed parts come as one ProblemKind (its own constant, or the problem it
 * answers again), so a class only adds its detail and whatever else it carries.
 */
export abstract class ProblemKindError extends GatewayError {
  readonly slug: string;
  readonly title: string;
  readonly status: number;
  override readonly upstream?: UpstreamFault;

  constructor(kind: ProblemKind, detail: string) {
    super(detail);
    this.slug = kind.slug;
    this.title = kind.title;
    this.status = kind.status;
    this.upstream = kind.upstream;
    this.retryAfterS = kind.retryAfterS;
  }
}

export class ValidationFailedError extends GatewayError {
  readonly slug = 'validation-failed';
  readonly title = 'The request is not valid';
  readonly status = 400;
  override readonly invalidParams: InvalidParam[];

  /** `more`: there were more invalid parameters than listed (a problem lists at most its first few, src/common/pipes/compiled-input.ts). */
  constructor(invalidParams: InvalidParam[], more = false) {
    const listed = invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; ');
    super(more ? `${listed}; and more (only the first ${invalidParams.length} invalid parameters are listed)` : listed);
    this.invalidParams = invalidParams;
  }
}

export class ResourceNotFoundError extends GatewayError {
  readonly slug = 'not-found';
  readonly title = 'Not found';
  readonly status = 404;
}
