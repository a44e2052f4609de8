import type { OpenAPIObject } from '@nestjs/swagger';
import { problemResponse } from '../common/swagger/api-problems.decorator';
import { forEachApiOperation } from './api-operations';

export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'apiKey';

/** Every /api operation answers these, besides its own statuses. */
const ACCESS_STATUSES = [401, 403, 429];

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * Every /api operation accepts a bearer JWT or an API key, and can answer 401, 403 and 429. Applied
 * to the document rather than per route, so that no route can be documented without them.
 */
export function applyAccessControl(document: OpenAPIObject): OpenAPIObject {
  return forEachApiOperation(document, METHODS, (operation) => {
    operation.security = [{ [BEARER_SCHEME]: [] }, { [API_KEY_SCHEME]: [] }];
    for (const status of ACCESS_STATUSES) {
      operation.responses[status] = problemResponse(status);
    }
  });
}
