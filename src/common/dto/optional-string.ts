import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';

// Each helper applies its decorators in the order they would apply stacked above the property (the lowest first), so
// the compiled validators meet the same rules in the same order and the document the same schema.

function all(decorators: readonly PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** An optional string matching `pattern` (refused with `message`); the document gives the pattern and `example`. */
export function OptionalMatching(pattern: RegExp, message: string, example: string): PropertyDecorator {
  return all([Matches(pattern, { message }), IsOptional(), ApiPropertyOptional({ example, pattern: pattern.source })]);
}

/** An optional free text of at most `max` characters; the document gives the bound and `example`. */
export function OptionalText(max: number, example: string): PropertyDecorator {
  return all([
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
    IsString({ message: '$property must be a string' }),
    IsOptional(),
    ApiPropertyOptional({ maxLength: max, example }),
  ]);
}
