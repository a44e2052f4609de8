import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiProblems } from '../common/swagger/api-problems.decorator';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** A write that honours `Idempotency-Key`: every POST (docs/design.md section 13), and the writes of section 17. */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (e.g. a UUID), 1 to 255 visible ASCII characters. The first answer is kept for 24 hours and ' +
        'sent again (with `Idempotent-Replayed: true`) for the same key and body, without writing again; the same key with ' +
        'another body is a 422, and while the first request runs a 409.',
      schema: { type: 'string', maxLength: 255, example: '5f0c2b1e-4f7a-4c57-9a1d-2d7f3c8e9b10' },
    }),
    ApiProblems(409, 422, 503),
  );
}
