// The checks that a floor server does the gateway's observable work: the same headers (helmet's
// included) and the same access-log line. The floors are given the gateway's fixed headers as the
// gateway sent them, so the checks fail when the floor's own code drifts, not when helmet changes.

/** Headers that belong to one answer rather than to every answer of the server. */
const PER_ANSWER = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'content-type',
  'etag',
  'cache-control',
  'x-cache',
  'x-request-id',
  'transfer-encoding',
]);

/** The gateway's fixed headers, from one of its answers: [[name, value], ...]. */
export function fixedHeaders(headers) {
  return Object.entries(headers).filter(([name]) => !PER_ANSWER.has(name));
}

/** The idle keep-alive timeout the gateway announces (`keep-alive: timeout=72`), in ms. */
export function keepAliveTimeoutMs(headers) {
  const seconds = /timeout=(\d+)/.exec(headers['keep-alive'] ?? '')?.[1];
  return seconds ? Number(seconds) * 1000 : 5000;
}

/**
 * Differences between two answers' headers: every name on both sides (`date` aside), the same
 * values, except `cache-control`'s max-age (a second apart at most) and a generated request id
 * (a UUID on both sides).
 */
export function headerDifferences(expected, actual) {
  const differences = [];
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  names.delete('date');
  for (const name of names) {
    const [a, b] = [expected[name], actual[name]];
    if (a === b) continue;
    if (name === 'cache-control' && sameCacheControl(a, b)) continue;
    if (name === 'x-request-id' && UUID.test(a ?? '') && UUID.test(b ?? '')) continue;
    differences.push(`${name}: ${a ?? '(none)'} != ${b ?? '(none)'}`);
  }
  return differences;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sameCacheControl(a, b) {
  const age = (text) => Number(/^private, max-age=(\d+)$/.exec(text ?? '')?.[1] ?? NaN);
  return Math.abs(age(a) - age(b)) <= 1;
}

/** The last access-log line in `output` for `requestId`, parsed; undefined when none. */
export function accessLogLine(output, requestId) {
  const lines = output.split('\n').filter((line) => line.includes(`"requestId":"${requestId}"`) && line.includes('"msg":"request completed"'));
  return lines.length ? JSON.parse(lines[lines.length - 1]) : undefined;
}

/** Differences between two access-log lines: field names and order, and every value that is not a time or a process's. */
export function logLineDifferences(expected, actual) {
  if (!expected || !actual) return [`no line from the ${expected ? 'floor' : 'gateway'}`];
  const differences = [];
  const [a, b] = [Object.keys(expected).join(','), Object.keys(actual).join(',')];
  if (a !== b) differences.push(`fields ${a} != ${b}`);
  for (const key of Object.keys(expected)) {
    if (['time', 'pid', 'ms'].includes(key)) continue;
    const [x, y] = [shape(key, expected[key]), shape(key, actual[key])];
    if (x !== y) differences.push(`${key}: ${x} != ${y}`);
  }
  return differences;
}

/** A field's value without its timings (`upstream[].ms`). */
function shape(key, value) {
  if (key === 'upstream' && Array.isArray(value)) return JSON.stringify(value.map(({ ms: _ms, ...call }) => call));
  return JSON.stringify(value);
}
