import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem';
import { ProblemDetailsDto } from './problem-details.dto';

export const PROBLEM_DESCRIPTIONS: Readonly<Record<number, string>> = {
  304: 'Not modified: the representation matching If-None-Match is still current',
  400: 'Invalid input (no iSales call is made), or iSales rejected a parameter',
  401: 'No credentials, or credentials that do not verify (see WWW-Authenticate)',
  403: 'The credentials lack the scope of the operation (isales:read; isales:admin to drop a cache) or the VDN',
  404: 'Not found (a VDN this gateway holds no iSales credentials for, an empty upstream result for a single item, or an iSales "does not exist" code)',
  409: 'iSales reports a state conflict',
  422: 'The Idempotency-Key was already used with another request body',
  429: 'Too many requests: the caller\u2019s budget (RATE_LIMIT_MAX per RATE_LIMIT_WINDOW_S; see the RateLimit-* headers) or iSales asks the gateway to slow down; see Retry-After',
  500: 'The gateway failed',
  502: 'iSales failed, was unreachable, refused the gateway\u2019s credentials, or answered with an undocumented code',
  503: 'Not served now, see Retry-After: iSales failed repeatedly, too many requests to it are in progress, the request rate allowed toward it is used up, or the shared cache is unavailable',
  504: 'iSales did not answer within ISALES_DEADLINE_MS',
};

/** The statuses every route that calls iSales can answer with, besides its own (and the access statuses every /api route has). */
export const UPSTREAM_STATUSES = [400, 404, 429, 500, 502, 503, 504] as const;

/** Documents problem-details bodies (application/problem+json) for each status a route can return. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...[...new Set(statuses)].sort().map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}
