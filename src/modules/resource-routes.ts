import { applyDecorators, Controller } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponseOptions, ApiTags } from '@nestjs/swagger';
import { Audited } from '../common/audit/audited.decorator';
import type { Scope } from '../common/request/scopes';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { BodyLimit } from '../edge/route-policy';
import { RequireScope } from '../edge/scopes.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';

/**
 * The decorators every resource route carries, composed once: a route states what varies (its OpenAPI
 * operation, its answer, its problems, what it needs) and nothing else. What they compose is what the
 * edge compiles at start-up (src/edge/route-policy.ts) and what OpenAPI documents. The HTTP method and
 * path (`@Get(':serverId')`) and a 204's `@HttpCode(204)` stay on the method: the Swagger compiler
 * plugin reads them from the source to tell a route's success status.
 */

/** What OpenAPI says of a route: its operation, and the problems it can answer. */
export interface RouteDoc {
  operationId: string;
  summary: string;
  description: string;
  /** The iSales operations the route calls (their problems come from the catalogue) and statuses of its own. */
  problems: Parameters<typeof ApiProblems>;
}

/** A write: isales:write unless it says otherwise, audited under its operationId unless it names another. */
export interface WriteDoc extends RouteDoc {
  scope?: Scope;
  /** Honours Idempotency-Key. */
  idempotent?: boolean;
  /** The audit's operation; false for a route that writes nothing to iSales. */
  audit?: string | false;
  bodyLimitBytes?: number;
}

/** How a write answers: 201 with what it made, 200 with what is now there, or 204 (with `@HttpCode(204)`; the answer's description). */
export type WriteAnswer = { created: ApiResponseOptions } | { ok: ApiResponseOptions } | { noContent: string };

/** A resource's controller: its OpenAPI tag, its path, and the scope its routes need unless they say otherwise. */
export function ResourceController(tag: string, path: string, scope: Scope = 'isales:read'): ClassDecorator {
  return applyDecorators(Controller(path), RequireScope(scope), ApiTags(tag));
}

/** The example of a page of `items`: the first page of 20, of `total`. */
export function pageExample<T>(items: readonly T[], total = items.length) {
  return { items, page: 1, pageSize: 20, total };
}

/** A read, answered 200 with `ok`. */
export function Read(doc: RouteDoc & { ok: ApiResponseOptions }): MethodDecorator {
  // In the order the same decorators stacked on a method run: bottom up.
  return applyDecorators(ApiProblems(...doc.problems), ApiOkResponse(doc.ok), operation(doc));
}

/** A write, with everything its route needs (scope, body limit, idempotency, audit), answered as `doc` says. */
export function Write(doc: WriteDoc & WriteAnswer): MethodDecorator {
  const audit = doc.audit ?? doc.operationId;
  return applyDecorators(
    ApiProblems(...doc.problems),
    answer(doc),
    operation(doc),
    // Below Idempotent, so the audit also sees (and marks) a replayed answer.
    ...(audit === false ? [] : [Audited(audit)]),
    ...(doc.idempotent ? [Idempotent()] : []),
    RequireScope(doc.scope ?? 'isales:write'),
    ...(doc.bodyLimitBytes === undefined ? [] : [BodyLimit(doc.bodyLimitBytes)]),
  );
}

function operation({ operationId, summary, description }: RouteDoc): MethodDecorator {
  return ApiOperation({ operationId, summary, description });
}

function answer(doc: WriteAnswer): MethodDecorator {
  if ('created' in doc) return ApiCreatedResponse(doc.created);
  if ('ok' in doc) return ApiOkResponse(doc.ok);
  return ApiNoContentResponse({ description: doc.noContent });
}

/** The `Location` header of a 201, documented. */
export function locationHeader(description: string) {
  return { Location: { description, schema: { type: 'string' } } };
}
