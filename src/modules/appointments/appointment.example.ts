import { AppointmentDto } from './dto/appointment.dto';

/** appointList's (docs/isales/operations.md#appointList) example record, normalised (the mapper spec proves the two agree). */
export const APPOINTMENT_EXAMPLE: AppointmentDto = {
  id: '174730253678826340158055543045',
  type: 'automatic',
  appointedAt: '2025-05-15T09:48:43.000Z',
  calledNumber: '66660001',
  callerNumber: '710002',
  expired: true,
  task: { id: '1106025109', name: 'Preempted task', status: '2' },
  agent: { account: '116', name: '116' },
  call: {
    startedAt: '2025-05-15T09:48:33.000Z',
    endedAt: '2025-05-15T09:48:43.000Z',
    flag: '2',
    failCode: '00604',
    result: '0101',
  },
  businessResult: 'Reservation business result > aab',
  createdAt: '2025-05-15T09:48:56.000Z',
};
