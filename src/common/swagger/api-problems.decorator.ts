import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, problemType } from '../errors/problem';
import { ProblemDetailsDto } from './problem-details.dto';

interface ProblemDoc {
  description: string;
  /** What a caller typically sees with this status; Swagger UI shows it and the client's README reads it. */
  example: Omit<ProblemDetailsDto, 'status' | 'instance' | 'requestId'>;
}

const PROBLEMS: Readonly<Record<number, ProblemDoc>> = {
  400: {
    description: 'Invalid input (no iSales call is made), or iSales rejected a parameter',
    example: {
      type: problemType('validation-failed'),
      title: 'The request is not valid',
      detail: 'pageSize: pageSize must not be greater than 100',
      invalidParams: [{ name: 'pageSize', reason: 'pageSize must not be greater than 100' }],
    },
  },
  401: {
    description: 'No credentials, or credentials that do not verify (see WWW-Authenticate)',
    example: {
      type: problemType('unauthenticated'),
      title: 'Authentication required',
      detail: 'Send an API key in X-API-Key or a bearer token in Authorization.',
    },
  },
  403: {
    description: 'The credentials lack the scope of the operation (isales:read; isales:write; isales:admin to drop a cache) or the VDN',
    example: { type: problemType('forbidden'), title: 'Not allowed', detail: 'The credentials do not grant access to this VDN.' },
  },
  404: {
    description:
      'Not found (a VDN this gateway holds no iSales credentials for, an empty upstream result for a single item, or an iSales "does not exist" code)',
    example: { type: problemType('not-found'), title: 'Not found', detail: 'No such item in VDN 1' },
  },
  409: {
    description: 'iSales reports a state conflict',
    example: {
      type: problemType('upstream-conflict'),
      title: 'iSales reports a state conflict',
      detail: 'The task is being called',
      upstream: { code: '0200034', description: 'The task is being called' },
    },
  },
  422: {
    description: 'The Idempotency-Key was already used with another request body',
    example: {
      type: problemType('idempotency-key-reused'),
      title: 'This Idempotency-Key was used with another request body',
      detail: 'The Idempotency-Key was already used for a different request; use a new key for a new request.',
    },
  },
  429: {
    description:
      'Too many requests: the caller\u2019s budget (RATE_LIMIT_MAX per RATE_LIMIT_WINDOW_S; see the RateLimit-* headers) ' +
      'or iSales asks the gateway to slow down; see Retry-After',
    example: {
      type: problemType('upstream-rate-limited'),
      title: 'iSales asks to slow down',
      detail: 'Called too fast',
      upstream: { code: '0200022', description: 'Called too fast' },
    },
  },
  500: {
    description: 'The gateway failed',
    example: {
      type: problemType('internal-error'),
      title: 'Internal error',
      detail: 'The gateway failed to handle the request; the request id identifies it in the logs.',
    },
  },
  502: {
    description: 'iSales failed, was unreachable, refused the gateway\u2019s credentials, or answered with an undocumented code',
    example: {
      type: problemType('upstream-unknown-code'),
      title: 'iSales answered with an undocumented code',
      detail: 'Database error',
      upstream: { code: '0200006', description: 'Database error' },
    },
  },
  503: {
    description:
      'Not served now, see Retry-After: iSales failed repeatedly, too many requests to it are in progress, ' +
      'the request rate allowed toward it is used up, or the shared cache is unavailable',
    example: { type: problemType('unavailable'), title: 'The gateway cannot serve the request right now', detail: 'Try again later.' },
  },
  504: {
    description: 'iSales did not answer within ISALES_DEADLINE_MS',
    example: { type: problemType('upstream-timeout'), title: 'iSales did not answer in time', detail: 'iSales did not answer within 10000 ms' },
  },
};

/**
 * What every route that calls iSales answers besides its operations' statuses: 400 (its input is
 * validated before any call), 404 (a VDN this gateway holds no credentials for), 500.
 */
export const GATEWAY_STATUSES = [400, 404, 500] as const;

/** An iSales operation as the catalogue declares it (src/upstream/operations.catalogue.ts): the problem statuses it can produce. */
interface ProducesStatuses {
  readonly statuses: readonly number[];
}

/** The problem statuses of a route: the route's own, plus, when it calls iSales, the gateway's and each operation's (from its error table). */
export function problemStatuses(...sources: Array<number | ProducesStatuses>): number[] {
  const statuses = new Set<number>();
  for (const source of sources) {
    if (typeof source === 'number') statuses.add(source);
    else [...GATEWAY_STATUSES, ...source.statuses].forEach((status) => statuses.add(status));
  }
  return [...statuses].sort((a, b) => a - b);
}

const EXAMPLE_CONTEXT = { instance: '/api/v1/vdns/1/file-servers', requestId: '2f1c5a8e-3b7d-4c1e-9a0b-6d5e4f3a2b1c' };

/** The OpenAPI response of a problem status: its description, the problem schema and an example. */
export function problemResponse(status: number) {
  const doc = PROBLEMS[status];
  const example = doc && { ...doc.example, status, ...EXAMPLE_CONTEXT };
  return {
    description: doc?.description ?? 'Error',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) }, ...(example && { example }) } },
  };
}

/**
 * Documents problem-details bodies (application/problem+json), with an example, for each error status
 * a route can return: the iSales operations it calls (their statuses come from the catalogue, never
 * copied by hand) and statuses of its own.
 */
export function ApiProblems(...sources: Array<number | ProducesStatuses>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...problemStatuses(...sources).map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}

/** A conditional GET answered 304: no body, by definition (RFC 9110 section 15.4.5). */
export function ApiNotModified(): MethodDecorator {
  return ApiResponse({ status: 304, description: 'Not modified: the representation matching If-None-Match is still current' });
}
