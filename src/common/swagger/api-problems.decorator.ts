import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem';
import { ProblemDetailsDto } from './problem-details.dto';

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  304: 'Not modified: the representation matching If-None-Match is still current',
  400: 'Invalid input (no iSales call is made), or iSales rejected a parameter',
  404: 'Not found (an empty upstream result for a single item, or an iSales "does not exist" code)',
  409: 'iSales reports a state conflict',
  422: 'The Idempotency-Key was already used with another request body',
  429: 'iSales asks the gateway to slow down; see Retry-After',
  500: 'The gateway failed',
  502: 'iSales failed, was unreachable, refused the gateway\u2019s credentials, or answered with an undocumented code',
  503: 'The gateway is not ready',
  504: 'iSales did not answer within ISALES_TIMEOUT_MS',
};

/** The statuses every route that calls iSales can answer with, besides its own. */
export const UPSTREAM_STATUSES = [400, 429, 500, 502, 504] as const;

/** Documents problem-details bodies (application/problem+json) for each status a route can return. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...[...new Set(statuses)].sort().map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}
