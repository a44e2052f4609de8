/** The longest URL a log line carries: an 8 KB URL must not make an 8 KB line. */
export const MAX_LOGGED_URL = 512;

/**
 * Query parameters whose values are personal data, by their decoded name reduced to lowercase
 * letters: every spelling the query parser reads as one of them (`called%4Eumber`, `%63alledNumber`,
 * `calledNumber[]`, any case) is masked, whether or not the route then accepts it.
 */
const PERSONAL_NAME = /number|phone|mobile|msisdn|calledno|callerno/;

/** A path segment that is a phone number: the one after `/blocked-numbers/`, however its letters are escaped. */
const NUMBER_IN_PATH = /(\/blocked(?:-|%2d)numbers\/)([^/?]+)/i;

/**
 * What a log line shows of a request's URL: the blocked number in the path and personal query
 * values masked by what the query parser understands (each `&`-separated pair's name decoded as it
 * decodes it), then cut to MAX_LOGGED_URL. The rest of the path and the other pairs are kept as
 * they were sent.
 */
export function loggedUrl(url: string): string {
  const q = url.indexOf('?');
  const path = maskPath(q < 0 ? url : url.slice(0, q));
  const shown = q < 0 ? path : `${path}?${maskQuery(url.slice(q + 1))}`;
  return shown.length > MAX_LOGGED_URL ? `${shown.slice(0, MAX_LOGGED_URL)}...` : shown;
}

function maskPath(path: string): string {
  if (!/numbers/i.test(path) && !path.includes('%')) return path;
  // `+` is itself in a path; an escaped `/` stays escaped so that segments stay where they were.
  const decoded = decodeLeniently(path.replace(/\+/g, '%2B').replace(/%2f/gi, '%252F'));
  return NUMBER_IN_PATH.test(decoded) ? decoded.replace(NUMBER_IN_PATH, (_, prefix: string, number: string) => prefix + mask(number)) : path;
}

function maskQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0 || !isPersonal(decodeLeniently(pair.slice(0, eq)))) return pair;
      return `${pair.slice(0, eq)}=${encodeURIComponent(
        decodeLeniently(pair.slice(eq + 1))
          .split(',')
          .map(mask)
          .join(','),
      )}`;
    })
    .join('&');
}

function isPersonal(name: string): boolean {
  return PERSONAL_NAME.test(name.toLowerCase().replace(/[^a-z]/g, ''));
}

/** All but the last four characters hidden; four or fewer: all of them (each item of a comma list on its own). */
function mask(value: string): string {
  return value.length > 4 ? '*'.repeat(value.length - 4) + value.slice(-4) : '****';
}

/**
 * `+` as a space and percent-escapes as UTF-8, as the query parsers decode them; a malformed escape
 * does not stop the rest of the text from being decoded (a parser that keeps it as text would
 * otherwise read a name this function did not).
 */
function decodeLeniently(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
  }
}
