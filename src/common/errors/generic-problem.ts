import { ProblemDetails, problemType } from './problem';

/** Titles (and so types) of the errors the HTTP layer raises itself, whoever renders them. */
export const GENERIC_TITLES: Readonly<Record<number, string>> = {
  400: 'The request is not valid',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'Request timeout',
  413: 'The request is too large',
  414: 'The URI is too long',
  415: 'Unsupported media type',
  417: 'Expectation failed',
  429: 'Too many requests',
  431: 'The request headers are too large',
};

function slugOf(status: number): string {
  return (GENERIC_TITLES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '-');
}

/** Longest `instance` echoed back: a 414's path can be kilobytes long. */
const MAX_INSTANCE = 256;

/** The path part of a request URL, as problems name it (never the query: it may hold phone numbers). */
export function instanceOf(url: string): string {
  return url.split('?')[0].slice(0, MAX_INSTANCE);
}

export function genericProblem(status: number, detail: string, instance: string, requestId: string): ProblemDetails {
  return {
    type: problemType(slugOf(status)),
    title: GENERIC_TITLES[status] ?? 'The request cannot be served',
    status,
    detail,
    instance,
    requestId,
  };
}
