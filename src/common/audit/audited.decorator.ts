import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { AUDIT_OPERATION_KEY, AuditInterceptor } from './audit.interceptor';

/**
 * A write, logged once with its outcome under `operation`. Place it below `@Idempotent()`, so that
 * the audit also sees (and marks) a replayed answer.
 */
export function Audited(operation: string): MethodDecorator {
  return applyDecorators(SetMetadata(AUDIT_OPERATION_KEY, operation), UseInterceptors(AuditInterceptor));
}
