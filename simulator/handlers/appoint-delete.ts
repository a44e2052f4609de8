import { successBody } from '../envelope';
import { RESULT_CODES } from '../result-codes';
import { parseJsonBody, ValidationFailure } from '../validation';
import { callWasMade, findAppointment } from './appointment-input';
import type { OperationDefinition } from './operation';

/** POST appoint/delete {appointId}: 04000004 unknown, 04000005 when its call was already made (docs/isales/write-api-notes.md §8). */
export const appointDelete: OperationDefinition = {
  name: 'appointDelete',
  handle({ body, dataset, settings, now }) {
    const appointment = findAppointment(dataset, parseJsonBody(body));
    if (callWasMade(appointment, now)) throw new ValidationFailure(RESULT_CODES.appointmentCalled, 'appointId');
    dataset.appointments.splice(dataset.appointments.indexOf(appointment), 1);
    return successBody({}, settings.envelope);
  },
};
