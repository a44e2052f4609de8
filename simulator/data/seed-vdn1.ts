import { SEED_BLOCKLIST, SEED_CAMPAIGNS } from './seed-campaigns';
import type { Appointment, BusinessResult, CallDataRecord, CallResult, DataImportTask, FileServer, VdnDataset } from './records';

// VDN 1 serves the example records of the four operations of docs/isales/operations.md verbatim:
// same fields, same values, same key order.

/** docs/isales/operations.md#queryDataImportTask (blackfile/queryDataImportTask). */
const importTasks: DataImportTask[] = [
  {
    succNum: 0,
    failNum: 0,
    errMsg: '',
    id: '164698362894300182038011895728',
    beginTime: '2022-03-11T07:27:09.000+00:00',
    endTime: '2022-03-11T07:27:09.000+00:00',
    repeatNum: 0,
    status: '2',
  },
];

/** docs/isales/operations.md#queryServer (file/queryServer); the first server really has null port, ip and filePath. */
const servers: FileServer[] = [
  { port: null, ip: null, filePath: null, userName: '10', serverId: '164681924997097701747271557174' },
  { port: '22', ip: '10.21.124.175', filePath: '/home/sftp', userName: 'isales', serverId: '164690088271159234793429225848' },
  { port: '22', ip: '192.168.0.1', filePath: '/home/sftp', userName: 'huawei', serverId: '164697340198671566909690908237' },
  { port: '8888', ip: '1.1.1.1', filePath: '/sftp/file', userName: 'isales', serverId: '164765479785832713595318363505' },
  { port: '22', ip: '10.1.1.1', filePath: '/home/sftp', userName: 'zhangsan', serverId: '164765490069279981932006087306' },
];

/** A first-level result and its second-level children ([code, name] each), in the example's key order. */
const parent = (code: string, name: string, children: Array<[code: string, name: string]>): BusinessResult => ({
  code,
  children: children.map(([childCode, childName]) => ({ code: childCode, name: childName, defLevel: '2' })),
  name,
  defLevel: '1',
});

/** docs/isales/operations.md#queryBusinessResults (queryBusinessResults): 3 parents, totalCount 3. */
const businessResults: BusinessResult[] = [
  parent('11111', 'test111', [
    ['12324', 'sub02'],
    ['1232', 'sub01'],
  ]),
  parent('test', 'test0903', []),
  parent('15105671', 'Failed 4up', [
    ['754646', 'Call interrupted'],
    ['ob-12', 'Multiple local officials'],
  ]),
];

/** docs/isales/operations.md#appointList (appoint/list): the one example record. */
const seedAppointment: Appointment = {
  appointId: '174730253678826340158055543045',
  callType: '2',
  appointTime: 1747302523000,
  calledNo: '66660001',
  taskId: '1106025109',
  taskName: 'Preempted task',
  taskStatus: '2',
  timeout: true,
  userAccount: '116',
  userName: '116',
  beginTime: 1747302513000,
  endTime: 1747302523000,
  callFlag: '2',
  callerNo: '710002',
  failCode: '00604',
  result: '0101',
  busiResult: 'Reservation business result > aab',
  createTime: 1747302536000,
};

// The seed answers {"limit":10,"offset":0,"taskId":"1106025109"} with totalCount 4 but shows one record
// (docs/isales/api-notes.md §1.4). These three invented records of the same task make that answer consistent: the same
// request returns totalCount 4 with the seed record first.
const extraAppointments: Appointment[] = [
  {
    ...seedAppointment,
    appointId: '174730261204417760231944781302',
    callType: '1',
    appointTime: 1747306123000,
    calledNo: '66660002',
    timeout: false,
    userAccount: '117',
    userName: '117',
    beginTime: 1747306118000,
    endTime: 1747306175000,
    callFlag: '2',
    failCode: '00000',
    result: '0100',
    busiResult: 'Reservation business result > done',
    createTime: 1747302612000,
  },
  {
    ...seedAppointment,
    appointId: '174730274519302846177305921660',
    callType: '2',
    appointTime: 1747309723000,
    calledNo: '66660003',
    timeout: false,
    beginTime: 1747309721000,
    endTime: 1747309740000,
    callFlag: '2',
    failCode: '00146',
    result: '0102',
    busiResult: 'Reservation business result > aab',
    createTime: 1747302745000,
  },
  {
    ...seedAppointment,
    appointId: '174730290811550938824017364517',
    callType: '1',
    appointTime: 1747313323000,
    calledNo: '66660001',
    timeout: false,
    userAccount: '117',
    userName: '117',
    beginTime: 1747313320000,
    endTime: 1747313402000,
    callFlag: '2',
    failCode: '00000',
    result: '0100',
    busiResult: 'Reservation business result > done',
    createTime: 1747302908000,
  },
];

/**
 * Call results (docs/isales/call-results-choices.md §2): callresultdetail's page example verbatim (callStatus the string
 * "6"), the result callback example's call (callStatus the number 6; its callTimeStr as ringing time,
 * the other times and the display result invented), and one failed call (invented).
 */
const callResults: CallResult[] = [
  {
    callId: '1644464743-1388',
    called: '88881955',
    callEndTime: '2022-02-10 11:45:51',
    vdnId: 8,
    callStatus: '6',
    failCode: '00000',
    resultCode: 'OB99999',
    callBeginTime: '2022-02-10 11:45:47',
    recordPath:
      'https://south-aicc-develop.obs.cn-south- 1.myhuaweicloud.com:443/isales/record/A68CA32800B9684811D698D1B61C1A0661511E7AD042DEE5304254DDB9DCED00/ec96a62d-f56c-4f4e-8f5e-30e7a29f38e5?AccessKeyId=ERUDBXB5GOMYURMPLKBO&Expires=1644484560&Signature=uztQO%2FxI8GOSW2GZJWCBCm8AyAg%3D',
    ackBeginTime: '2022-02-10 11:45:43',
  },
  {
    callId: '0023-134864174',
    called: '60584',
    callEndTime: '2020-08-30 20:01:12',
    vdnId: 11,
    callStatus: 6,
    failCode: '0',
    resultCode: 'OB99999',
    callBeginTime: '2020-08-30 20:00:06',
    recordPath: '',
    ackBeginTime: '2020-08-30 20:00:00',
  },
  {
    callId: '1644465011-1402',
    called: '88881956',
    callEndTime: '',
    vdnId: 8,
    callStatus: 5,
    failCode: '00604',
    resultCode: 'OB00604',
    callBeginTime: '',
    recordPath: '',
    ackBeginTime: '2022-02-10 11:50:11',
  },
];

/** Call data of campaign 3 (the result callback example's campaign), for the business-result write-back (§3). */
const callData: CallDataRecord[] = [1001, 1002, 1003].map((dataId, index) => ({
  dataId,
  campaignId: '3',
  called: ['60584', '60585', '60586'][index],
  busiResult: null,
  subStatus: null,
  busiResultDesc: null,
  workNo: null,
}));

/**
 * The documented example records above, for the gateway's mapper specs: the simulator serves and the
 * mappers are tested on the very same records, so neither can drift from the docs alone.
 */
export const SEED_EXAMPLES = { importTask: importTasks[0], businessResults, appointment: seedAppointment, callResult: callResults[0] } as const;

export const SEED_VDN_ID = 1;

/** A fresh copy of VDN 1's records for one simulator instance, whose writes change it. */
export function seedDataset(): VdnDataset {
  return structuredClone({
    importTasks,
    servers,
    businessResults,
    appointments: [seedAppointment, ...extraAppointments],
    campaigns: [{ taskId: seedAppointment.taskId, taskName: seedAppointment.taskName, taskStatus: seedAppointment.taskStatus }],
    callResults,
    callData,
    // calldatafile/queryDataImportTask's example is byte-identical to the blacklist one (§4); blackNum added.
    callDataImportTasks: new Map([['3', importTasks.map((task) => ({ ...task, blackNum: 0 }))]]),
    outboundCampaigns: [...SEED_CAMPAIGNS],
    blocklist: [...SEED_BLOCKLIST],
  });
}
