import { IsIntegerIn } from './integer';
import { ApiProperty } from '@nestjs/swagger';

export class VdnParamsDto {
  /**
   * The tenant (VDN) id.
   * @example 1
   */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 9999 })
  @IsIntegerIn(1, 9999)
  vdnId: number;
}
