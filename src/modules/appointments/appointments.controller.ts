import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ApiProblems } from '../../common/swagger/api-problems.decorator';
import { ISALES } from '../../upstream/operations.catalogue';
import { Audited } from '../../common/audit/audited.decorator';
import { Idempotent } from '../../idempotency/idempotent.decorator';
import { AppointmentsService } from './appointments.service';
import { AppointmentDto, AppointmentPageDto } from './dto/appointment.dto';
import { AppointmentParamsDto } from './dto/appointment.params.dto';
import { AppointmentResultDto } from './dto/appointment-result.dto';
import { CreateAppointmentDto } from './dto/create-appointment.dto';
import { ListAppointmentsQueryDto } from './dto/list-appointments.query.dto';
import { UpdateAppointmentDto } from './dto/update-appointment.dto';
import { APPOINTMENT_EXAMPLE } from './appointment.example';
import { RequireScope } from '../../edge/scopes.decorator';
import { BodyLimit } from '../../edge/route-policy';

/**
 * What an appointment's write can take: callData (1024 characters as JSON text) and remark (500), each character at most
 * 6 bytes as a JSON escape, plus a few short fields: under 10 KiB. 16 KiB leaves room; more is a 413, unread.
 */
const APPOINTMENT_BODY_LIMIT_BYTES = 16 * 1024;

const LOCATION = { Location: { description: 'The new reservation\u2019s URL (for PATCH and DELETE)', schema: { type: 'string' } } };

@ApiTags('appointments')
@RequireScope('isales:read')
@Controller('api/v1/vdns/:vdnId/appointments')
export class AppointmentsController {
  constructor(private readonly service: AppointmentsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listAppointments',
    summary: 'List reserved (appointment) outbound calls',
    description: "A page of the VDN's reservations, filtered by campaign, called number, agents and appointed time. iSales: POST appoint/list.",
  })
  @ApiOkResponse({
    type: AppointmentPageDto,
    description: 'A page of reservations',
    example: { items: [APPOINTMENT_EXAMPLE], page: 1, pageSize: 20, total: 4 },
  })
  @ApiProblems(ISALES.appointList)
  list(@Param() params: VdnParamsDto, @Query() query: ListAppointmentsQueryDto): Promise<AppointmentPageDto> {
    return this.service.list(params.vdnId, query);
  }

  @Post()
  @BodyLimit(APPOINTMENT_BODY_LIMIT_BYTES)
  @RequireScope('isales:write')
  @Idempotent()
  @Audited('createAppointment')
  @ApiOperation({
    operationId: 'createAppointment',
    summary: 'Reserve an outbound call',
    description: 'iSales: POST appoint/create. The agent is sent as userAccount (deployments other than OP); callData only on automatic reservations.',
  })
  @ApiCreatedResponse({
    type: AppointmentDto,
    description: 'The reservation as created',
    headers: LOCATION,
    example: {
      ...APPOINTMENT_EXAMPLE,
      type: 'manual',
      callerNumber: null,
      expired: false,
      task: { ...APPOINTMENT_EXAMPLE.task, name: null, status: null },
      agent: { ...APPOINTMENT_EXAMPLE.agent, name: null },
      call: { startedAt: null, endedAt: null, flag: null, failCode: null, result: null },
      businessResult: null,
      createdAt: null,
    },
  })
  @ApiProblems(ISALES.appointCreate)
  async create(
    @Param() params: VdnParamsDto,
    @Query() _query: NoQueryDto,
    @Body() body: CreateAppointmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentDto> {
    const appointment = await this.service.create(params.vdnId, body);
    reply.header('location', `/api/v1/vdns/${params.vdnId}/appointments/${appointment.id}`);
    return appointment;
  }

  @Patch(':appointmentId')
  @BodyLimit(APPOINTMENT_BODY_LIMIT_BYTES)
  @RequireScope('isales:write')
  @Audited('updateAppointment')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'updateAppointment',
    summary: 'Move or reassign a manual reservation',
    description: 'iSales: POST appoint/update. Automatic reservations cannot be modified (iSales refuses with 0200001: 400).',
  })
  @ApiNoContentResponse({ description: 'Modified' })
  @ApiProblems(ISALES.appointUpdate)
  async update(@Param() params: AppointmentParamsDto, @Query() _query: NoQueryDto, @Body() body: UpdateAppointmentDto): Promise<void> {
    await this.service.update(params.vdnId, params.appointmentId, body);
  }

  @Put(':appointmentId/result')
  @BodyLimit(APPOINTMENT_BODY_LIMIT_BYTES)
  @RequireScope('isales:write')
  @Audited('writeAppointmentResult')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'writeAppointmentResult',
    summary: 'Write back the result of a manual reservation\u2019s call',
    description: 'iSales: POST appoint/updateResult (automatic reservations update their own result).',
  })
  @ApiNoContentResponse({ description: 'Written' })
  @ApiProblems(ISALES.appointUpdateResult)
  async writeResult(@Param() params: AppointmentParamsDto, @Query() _query: NoQueryDto, @Body() body: AppointmentResultDto): Promise<void> {
    await this.service.writeResult(params.vdnId, params.appointmentId, body);
  }

  @Delete(':appointmentId')
  @RequireScope('isales:write')
  @Audited('deleteAppointment')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteAppointment',
    summary: 'Cancel a reservation',
    description: 'iSales: POST appoint/delete. 404 when it does not exist (04000004), 409 once its call was made (04000005).',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(ISALES.appointDelete)
  async remove(@Param() params: AppointmentParamsDto, @Query() _query: NoQueryDto): Promise<void> {
    await this.service.remove(params.vdnId, params.appointmentId);
  }
}
