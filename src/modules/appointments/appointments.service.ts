import { Injectable } from '@nestjs/common';
import { toOffsetLimit } from '../../common/dto/page.query.dto';
import { IsalesClient } from '../../isales/isales.client';
import { AppointmentQuery } from '../../isales/isales.types';
import { AppointmentPageDto } from './dto/appointment.dto';
import { epochMsOf } from './dto/instant';
import { ListAppointmentsQueryDto } from './dto/list-appointments.query.dto';
import { toAppointment } from './appointment.mapper';

/** The appoint/list body: absent filters are left out entirely; times go as epoch milliseconds (seed 003). */
function toAppointmentQuery(query: ListAppointmentsQueryDto): AppointmentQuery {
  return {
    ...toOffsetLimit(query),
    ...(query.taskId !== undefined && { taskId: query.taskId }),
    ...(query.calledNumber !== undefined && { calledNo: query.calledNumber }),
    ...(query.agents !== undefined && { userAccountList: query.agents }),
    ...(query.from !== undefined && { beginTime: epochMsOf(query.from) }),
    ...(query.to !== undefined && { endTime: epochMsOf(query.to) }),
  };
}

@Injectable()
export class AppointmentsService {
  constructor(private readonly isales: IsalesClient) {}

  async list(vdnId: number, query: ListAppointmentsQueryDto): Promise<AppointmentPageDto> {
    const page = await this.isales.listAppointments(vdnId, toAppointmentQuery(query));
    return { items: page.items.map(toAppointment), page: query.page, pageSize: query.pageSize, total: page.total };
  }
}
