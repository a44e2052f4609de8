import { Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { ISALES_ID_PATTERN } from '../../../upstream/id-list';
import { VdnParamsDto } from '../../../common/dto/vdn.params.dto';

export class AppointmentParamsDto extends VdnParamsDto {
  /**
   * Reservation ID.
   * @example "174730253678826340158055543045"
   */
  @ApiProperty({ pattern: ISALES_ID_PATTERN.source })
  @Matches(ISALES_ID_PATTERN, { message: '$property must be a numeric iSales ID' })
  appointmentId: string;
}
