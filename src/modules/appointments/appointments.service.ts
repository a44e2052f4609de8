import { Injectable } from '@nestjs/common';
import { IsalesClient } from '../../upstream/isales.client';
import { IsalesAppointment } from '../../upstream/isales.types';
import { ListedResourceService } from '../resource-reads';
import { ListAppointmentsQueryDto } from './dto/list-appointments.query.dto';
import {
  toAppointment,
  toAppointmentQuery,
  toCreatedAppointment,
  toIsalesAppointment,
  toIsalesAppointmentChange,
  toIsalesAppointmentResult,
} from './appointment.mapper';
import { AppointmentDto } from './dto/appointment.dto';
import { AppointmentResultDto } from './dto/appointment-result.dto';
import { CreateAppointmentDto } from './dto/create-appointment.dto';
import { UpdateAppointmentDto } from './dto/update-appointment.dto';

@Injectable()
export class AppointmentsService extends ListedResourceService<ListAppointmentsQueryDto, IsalesAppointment, AppointmentDto> {
  constructor(private readonly isales: IsalesClient) {
    super({ fetch: (vdnId, query) => isales.listAppointments(vdnId, toAppointmentQuery(query)), map: toAppointment });
  }

  async create(vdnId: number, appointment: CreateAppointmentDto): Promise<AppointmentDto> {
    const id = await this.isales.createAppointment(vdnId, toIsalesAppointment(appointment));
    return toCreatedAppointment(id, appointment);
  }

  async update(vdnId: number, appointmentId: string, change: UpdateAppointmentDto): Promise<void> {
    await this.isales.updateAppointment(vdnId, toIsalesAppointmentChange(appointmentId, change));
  }

  async writeResult(vdnId: number, appointmentId: string, result: AppointmentResultDto): Promise<void> {
    await this.isales.updateAppointmentResult(vdnId, toIsalesAppointmentResult(appointmentId, result));
  }

  remove(vdnId: number, appointmentId: string): Promise<void> {
    return this.isales.deleteAppointment(vdnId, appointmentId);
  }
}
