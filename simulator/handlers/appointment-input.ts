import type { Appointment, VdnDataset } from '../data/records';
import { RESULT_CODES } from '../result-codes';
import { type JsonObject, requiredText, ValidationFailure } from '../validation';

/** Automatic reserved calls are dialled 5 minutes before appointTime (docs/isales/write-api-notes.md §5). */
const AUTOMATIC_DIAL_AHEAD_MS = 5 * 60_000;

/** Lengths the pages do not give (choices). */
export const MAX_ACCOUNT = 64;
export const MAX_REMARK = 500;

/** `appointId` of the body: missing -> 02000001, unknown -> 04000004. */
export function findAppointment(dataset: VdnDataset, input: JsonObject): Appointment {
  const appointId = requiredText(input, 'appointId', 64);
  const appointment = dataset.appointments.find((candidate) => candidate.appointId === appointId);
  if (!appointment) throw new ValidationFailure(RESULT_CODES.appointmentNotFound, 'appointId');
  return appointment;
}

/** A call was made: iSales recorded one, or an automatic reservation reached its dialling time. */
export function callWasMade(appointment: Appointment, now: Date): boolean {
  if (appointment.beginTime !== null) return true;
  return appointment.callType === '2' && now.getTime() >= appointment.appointTime - AUTOMATIC_DIAL_AHEAD_MS;
}

/** The agent's name as the VDN's other reservations show it; the account itself for an agent never seen. */
export function agentName(dataset: VdnDataset, userAccount: string): string {
  return dataset.appointments.find((appointment) => appointment.userAccount === userAccount)?.userName ?? userAccount;
}
