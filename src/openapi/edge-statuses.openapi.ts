import type { OpenAPIObject } from '@nestjs/swagger';
import { getSchemaPath } from '@nestjs/swagger';
import { genericProblem } from '../common/errors/generic-problem';
import { PROBLEM_CONTENT_TYPE } from '../common/errors/problem';
import { ProblemDetailsDto } from '../common/swagger/problem-details.dto';
import { forEachApiOperation } from './api-operations';

/** What the HTTP edge answers before any route runs (src/edge), and when. */
const EDGE: Readonly<Record<number, { description: string; detail: string; withBody?: true }>> = {
  408: { description: 'The request (its body included) did not arrive in time', detail: 'The request took too long to arrive.' },
  413: { description: 'The body is larger than the operation takes', detail: 'The request body is too large.', withBody: true },
  414: { description: 'The URL, or one of its path segments, is too long', detail: 'A path segment is longer than 128 characters.' },
  415: { description: 'The body is not application/json', detail: 'The request body must be application/json.', withBody: true },
  431: { description: 'The request line and headers together are too large', detail: 'The request line and headers together exceed 16 KiB.' },
};

const EXAMPLE_CONTEXT = { instance: '/api/v1/vdns/1/file-servers', requestId: '2f1c5a8e-3b7d-4c1e-9a0b-6d5e4f3a2b1c' };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The statuses of the HTTP edge on the operations that can answer them: 408, 414 and 431 on every
 * /api operation, 413 and 415 on those that take a body. (405, for a method a path does not have,
 * belongs to no operation: the document's description states it.)
 */
export function applyEdgeStatuses(document: OpenAPIObject): OpenAPIObject {
  return forEachApiOperation(document, METHODS, (operation) => {
    for (const [status, edge] of Object.entries(EDGE)) {
      if (edge.withBody && !operation.requestBody) continue;
      const example = { ...genericProblem(Number(status), edge.detail, EXAMPLE_CONTEXT.instance, EXAMPLE_CONTEXT.requestId) };
      operation.responses[status] = {
        description: edge.description,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) }, example } },
      };
    }
  });
}
