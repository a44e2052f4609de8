import { Body, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { VdnParamsDto } from '../../common/dto/vdn.params.dto';
import { NoQueryDto } from '../../common/dto/no-query.dto';
import { ISALES } from '../../upstream/operations.catalogue';
import { locationHeader, pageExample, Read, ResourceController, Write } from '../resource-routes';
import { AppointmentsService } from './appointments.service';
import { AppointmentDto, AppointmentPageDto } from './dto/appointment.dto';
import { AppointmentParamsDto } from './dto/appointment.params.dto';
import { AppointmentResultDto } from './dto/appointment-result.dto';
import { CreateAppointmentDto } from './dto/create-appointment.dto';
import { ListAppointmentsQueryDto } from './dto/list-appointments.query.dto';
import { UpdateAppointmentDto } from './dto/update-appointment.dto';
import { APPOINTMENT_EXAMPLE } from './appointment.example';

/**
 * What an appointment's write can take: callData (1024 characters as JSON text) and remark (500), each character at most
 * 6 bytes as a JSON escape, plus a few short fields: under 10 KiB. 16 KiB leaves room; more is a 413, unread.
 */
const APPOINTMENT_BODY_LIMIT_BYTES = 16 * 1024;

@ResourceController('appointments', 'api/v1/vdns/:vdnId/appointments')
export class AppointmentsController {
  constructor(private readonly service: AppointmentsService) {}

  @Get()
  @Read({
    operationId: 'listAppointments',
    summary: 'List reserved (appointment) outbound calls',
    description: "A page of the VDN's reservations, filtered by campaign, called number, agents and appointed time. iSales: POST appoint/list.",
    ok: { type: AppointmentPageDto, description: 'A page of reservations', example: pageExample([APPOINTMENT_EXAMPLE], 4) },
    problems: [ISALES.appointList],
  })
  list(@Param() params: VdnParamsDto, @Query() query: ListAppointmentsQueryDto): Promise<AppointmentPageDto> {
    return this.service.list(params.vdnId, query);
  }

  @Post()
  @Write({
    bodyLimitBytes: APPOINTMENT_BODY_LIMIT_BYTES,
    idempotent: true,
    operationId: 'createAppointment',
    summary: 'Reserve an outbound call',
    description: 'iSales: POST appoint/create. The agent is sent as userAccount (deployments other than OP); callData only on automatic reservations.',
    created: {
      type: AppointmentDto,
      description: 'The reservation as created',
      headers: locationHeader('The new reservation\u2019s URL (for PATCH and DELETE)'),
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
    },
    problems: [ISALES.appointCreate],
  })
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
  @HttpCode(204)
  @Write({
    bodyLimitBytes: APPOINTMENT_BODY_LIMIT_BYTES,
    operationId: 'updateAppointment',
    summary: 'Move or reassign a manual reservation',
    description: 'iSales: POST appoint/update. Automatic reservations cannot be modified (iSales refuses with 0200001: 400).',
    noContent: 'Modified',
    problems: [ISALES.appointUpdate],
  })
  async update(@Param() params: AppointmentParamsDto, @Query() _query: NoQueryDto, @Body() body: UpdateAppointmentDto): Promise<void> {
    await this.service.update(params.vdnId, params.appointmentId, body);
  }

  @Put(':appointmentId/result')
  @HttpCode(204)
  @Write({
    bodyLimitBytes: APPOINTMENT_BODY_LIMIT_BYTES,
    operationId: 'writeAppointmentResult',
    summary: 'Write back the result of a manual reservation\u2019s call',
    description: 'iSales: POST appoint/updateResult (automatic reservations update their own result).',
    noContent: 'Written',
    problems: [ISALES.appointUpdateResult],
  })
  async writeResult(@Param() params: AppointmentParamsDto, @Query() _query: NoQueryDto, @Body() body: AppointmentResultDto): Promise<void> {
    await this.service.writeResult(params.vdnId, params.appointmentId, body);
  }

  @Delete(':appointmentId')
  @HttpCode(204)
  @Write({
    operationId: 'deleteAppointment',
    summary: 'Cancel a reservation',
    description: 'iSales: POST appoint/delete. 404 when it does not exist (04000004), 409 once its call was made (04000005).',
    noContent: 'Deleted',
    problems: [ISALES.appointDelete],
  })
  async remove(@Param() params: AppointmentParamsDto, @Query() _query: NoQueryDto): Promise<void> {
    await this.service.remove(params.vdnId, params.appointmentId);
  }
}
