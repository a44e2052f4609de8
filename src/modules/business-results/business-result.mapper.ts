import { IsalesBusinessResult, IsalesBusinessResultDefinition } from '../../upstream/isales.types';
import { BusinessResultChildInputDto, CreateBusinessResultDto } from './dto/create-business-result.dto';
import { stringOrNull } from '../../common/mapping/values';
import { BusinessResultDto } from './dto/business-result.dto';

/** defLevel is implied by nesting (docs/isales/operations.md#queryBusinessResults), so it is not carried over. */
export function toBusinessResult(result: IsalesBusinessResult): BusinessResultDto {
  return {
    code: stringOrNull(result.code),
    name: stringOrNull(result.name),
    children: (Array.isArray(result.children) ? result.children : []).map((child) => ({
      code: stringOrNull(child?.code),
      name: stringOrNull(child?.name),
    })),
  };
}

/** Only the fields given: the validation pipe refuses null (src/common/pipes/input-rules.ts), and `!= null` keeps a mapper from ever sending one. */
function definition(input: BusinessResultChildInputDto): { name: string; code?: string; description?: string } {
  return {
    name: input.name,
    ...(input.code != null && { code: input.code }),
    ...(input.description != null && { description: input.description }),
  };
}

/** addBusinessResult's body: only the fields given (iSales makes up a missing code). */
export function toIsalesBusinessResult(input: CreateBusinessResultDto): IsalesBusinessResultDefinition {
  return { ...definition(input), ...(input.children != null && { children: input.children.map(definition) }) };
}

/** The definition as the caller sent it, for when iSales does not list it yet (codes it made up unknown). */
export function toRequestedBusinessResult(input: CreateBusinessResultDto): BusinessResultDto {
  return {
    code: input.code ?? null,
    name: input.name,
    children: (input.children ?? []).map((child) => ({ code: child.code ?? null, name: child.name })),
  };
}
