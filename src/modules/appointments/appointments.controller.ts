import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { ApiProblems, UPSTREAM_STATUSES } from '../../common/swagger/api-problems.decorator';
import { AppointmentsService } from './appointments.service';
import { AppointmentPageDto } from './dto/appointment.dto';
import { ListAppointmentsQueryDto } from './dto/list-appointments.query.dto';
import { APPOINTMENT_EXAMPLE } from './appointment.example';
import { RequireScope } from '../../auth/scopes.decorator';

@ApiTags('appointments')
@RequireScope('isales:read')
@Controller('api/v1/vdns/:vdnId/appointments')
export class AppointmentsController {
  constructor(private readonly service: AppointmentsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listAppointments',
    summary: 'List reserved (appointment) outbound calls',
    description:
      'A page of the VDN\'s reservations, filtered by campaign, called number, agents and appointed time. iSales: POST appoint/list.',
  })
  @ApiOkResponse({
    type: AppointmentPageDto,
    description: 'A page of reservations',
    example: { items: [APPOINTMENT_EXAMPLE], page: 1, pageSize: 20, total: 4 },
  })
  // 404/409: appoint/list's sibling pages document "campaign/reservation does not exist" and "being called".
  @ApiProblems(...UPSTREAM_STATUSES, 404, 409)
  list(@Param() params: VdnParamsDto, @Query() query: ListAppointmentsQueryDto): Promise<AppointmentPageDto> {
    return this.service.list(params.vdnId, query);
  }
}
