import { seededRandom, thirtyDigitId } from './prng';
import type { Appointment } from './records';

const FIRST_APPOINT_MS = Date.UTC(2025, 4, 15, 9, 0, 0);

/** A few distinct values per filterable field, so taskId/calledNo/userAccountList filters return subsets. */
export function appointmentPools(vdnId: number) {
  const tasks = [0, 1, 2].map((k) => ({
    taskId: String(1106025000 + vdnId * 10 + k),
    taskName: ['Renewal campaign', 'Survey campaign', 'Preempted task'][k],
  }));
  const agents = ['101', '102', '103', '116'].map((account) => ({ userAccount: account, userName: `agent${account}` }));
  const calledNos = Array.from({ length: 8 }, (_, k) => `6666${String(k + 1).padStart(4, '0')}`);
  return { tasks, agents, calledNos };
}

export function generateAppointments(vdnId: number, count: number): Appointment[] {
  const { tasks, agents, calledNos } = appointmentPools(vdnId);
  const appointments: Appointment[] = [];
  for (let index = 0; index < count; index++) {
    const random = seededRandom(vdnId, 'appointment', index);
    const appointTime = FIRST_APPOINT_MS + index * 900_000 + random.int(0, 899) * 1000;
    const createTime = appointTime - random.int(600, 86_400) * 1000;
    const task = random.pick(tasks);
    const agent = random.pick(agents);
    const beginTime = appointTime + random.int(-30, 60) * 1000;
    appointments.push({
      appointId: thirtyDigitId(createTime, vdnId, index, random),
      callType: random.pick(['1', '2']),
      appointTime,
      calledNo: random.pick(calledNos),
      taskId: task.taskId,
      taskName: task.taskName,
      taskStatus: random.pick(['2', '3', '4']),
      timeout: random.int(0, 2) === 0,
      userAccount: agent.userAccount,
      userName: agent.userName,
      beginTime,
      endTime: beginTime + random.int(5, 600) * 1000,
      callFlag: random.pick(['0', '1', '2']),
      callerNo: random.pick(['710002', '710003', '710010']),
      failCode: random.pick(['00000', '00604', '00146', '00603', '00145']),
      result: random.pick(['0100', '0101', '0102', 'OB99999']),
      busiResult: random.pick(['Interested > Asked for email', 'Call back later > Busy', 'Failed > Call interrupted']),
      createTime,
    });
  }
  return appointments;
}
