import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';

export class VdnParamsDto {
  /**
   * The tenant (VDN) id.
   * @example 1
   */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 9999 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9999)
  vdnId: number;
}
