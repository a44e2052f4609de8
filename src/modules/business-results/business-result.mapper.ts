import { IsalesBusinessResult } from '../../isales/isales.types';
import { stringOrNull } from '../../common/mapping/values';
import { BusinessResultDto } from './dto/business-result.dto';

/** defLevel is implied by nesting (seed 002), so it is not carried over. */
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
