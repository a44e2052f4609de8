import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class VdnParamsDto {
  /**
   * The tenant (VDN) id.
   * @example 1
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9999)
  vdnId: number;
}
