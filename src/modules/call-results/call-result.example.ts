import { CallResultDto } from './dto/call-result.dto';

/**
 * callresultdetail's page example (docs/isales/call-results-choices.md §2) normalised for a tenant in Asia/Shanghai: its callId starts with the epoch
 * second 1644464743, 03:45:43 UTC, which is the example's ringing time at +08:00 (the mapper spec
 * proves the two agree).
 */
export const CALL_RESULT_EXAMPLE: CallResultDto = {
  callId: '1644464743-1388',
  calledNumber: '88881955',
  status: 'succeeded',
  failCode: '00000',
  ringingAt: '2022-02-10T11:45:43+08:00',
  startedAt: '2022-02-10T11:45:47+08:00',
  endedAt: '2022-02-10T11:45:51+08:00',
  displayResult: 'OB99999',
  vdnId: 8,
  recordingUrl:
    'https://south-aicc-develop.obs.cn-south- 1.myhuaweicloud.com:443/isales/record/A68CA32800B9684811D698D1B61C1A0661511E7AD042DEE5304254DDB9DCED00/ec96a62d-f56c-4f4e-8f5e-30e7a29f38e5?AccessKeyId=ERUDBXB5GOMYURMPLKBO&Expires=1644484560&Signature=uztQO%2FxI8GOSW2GZJWCBCm8AyAg%3D',
};
