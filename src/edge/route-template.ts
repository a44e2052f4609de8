import { MAX_PARAM_LENGTH } from './edge-errors';

/** A path parameter taken as it is: what find-my-way would hand over unchanged (no percent-encoding, no delimiter). */
const PLAIN_PARAM = new RegExp(`^[A-Za-z0-9._~-]{1,${MAX_PARAM_LENGTH}}$`);

/**
 * A route template (`/api/v1/vdns/:vdnId/business-results`) compiled once to match a path in its
 * plain form, segment by segment, as Fastify's router matches it; any other form (percent-encoded,
 * a doubled or trailing slash, a delimiter) is no match, and is left to the router.
 */
export class RouteTemplate {
  /** Per segment: its literal text, or null for a parameter. */
  private readonly segments: Array<string | null>;
  private readonly names: string[];
  /** The last segment with its slash when it is literal: a path that does not end with it is no match, at once. */
  private readonly suffix: string;

  constructor(readonly url: string) {
    const parts = url.split('/');
    this.segments = parts.map((part) => (part.startsWith(':') ? null : part));
    this.names = parts.filter((part) => part.startsWith(':')).map((part) => part.slice(1));
    const last = this.segments[this.segments.length - 1];
    this.suffix = last === null ? '' : `/${last}`;
  }

  /** The parameters of `path` (without its query) when it is one of the template's paths; undefined otherwise. */
  match(path: string): Record<string, string> | undefined {
    if (!path.endsWith(this.suffix)) return undefined;
    const segments = this.segments;
    const params: Record<string, string> = {};
    let at = 0;
    let names = 0;
    for (let index = 0; index < segments.length; index++) {
      const end = index === segments.length - 1 ? path.length : path.indexOf('/', at);
      if (end === -1) return undefined;
      const part = path.slice(at, end);
      const literal = segments[index];
      if (literal === null) {
        if (!PLAIN_PARAM.test(part)) return undefined;
        params[this.names[names++]] = part;
      } else if (part !== literal) {
        return undefined;
      }
      at = end + 1;
    }
    return params;
  }

  /**
   * Whether Fastify's router sends some of this template's paths to `other` instead: it prefers a
   * literal segment to a parameter, so `other` takes such a path when it has a literal where this
   * template has a parameter and no literal segment tells the two apart.
   */
  shadowedBy(other: string): boolean {
    const theirs = other.split('/');
    if (other === this.url || theirs.length !== this.segments.length) return false;
    let literalOverParameter = false;
    for (let i = 0; i < theirs.length; i++) {
      const mine = this.segments[i];
      const theirParameter = theirs[i].startsWith(':');
      if (mine !== null && !theirParameter && mine !== theirs[i]) return false;
      if (mine === null && !theirParameter) literalOverParameter = true;
    }
    return literalOverParameter;
  }
}
