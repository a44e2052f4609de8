import { SEED_EXAMPLES } from '../../../simulator/data/seed-vdn1';
import { toCallResult } from './call-result.mapper';
import { CALL_RESULT_EXAMPLE } from './call-result.example';
import { IsalesCallResult } from '../../upstream/isales.types';

/** callresultdetail's page example (docs/isales/call-results-choices.md §2), as the simulator serves it. */
const CALL_RESULT_PAGE_EXAMPLE = SEED_EXAMPLES.callResult;

const asSentByIsales = (record: Record<string, unknown>) => record as unknown as IsalesCallResult;

describe('toCallResult', () => {
  it('normalises the page example for a tenant in Asia/Shanghai', () => {
    expect(toCallResult(CALL_RESULT_PAGE_EXAMPLE, 'Asia/Shanghai')).toEqual(CALL_RESULT_EXAMPLE);
  });

  it('states the tenant zone of the VDN, whatever the host zone', () => {
    const result = toCallResult(CALL_RESULT_PAGE_EXAMPLE, 'UTC');
    expect(result.ringingAt).toBe('2022-02-10T11:45:43+00:00');
    expect(toCallResult(CALL_RESULT_PAGE_EXAMPLE, 'America/New_York').endedAt).toBe('2022-02-10T11:45:51-05:00');
  });

  it('reads callStatus as a number as well as a string', () => {
    expect(toCallResult({ ...CALL_RESULT_PAGE_EXAMPLE, callStatus: 5 }, 'UTC').status).toBe('failed');
    expect(toCallResult({ ...CALL_RESULT_PAGE_EXAMPLE, callStatus: 6 }, 'UTC').status).toBe('succeeded');
    expect(toCallResult({ ...CALL_RESULT_PAGE_EXAMPLE, callStatus: '9' }, 'UTC').status).toBe('9');
  });

  it('leaves recordingUrl out when iSales sends none or an empty one', () => {
    expect(toCallResult({ ...CALL_RESULT_PAGE_EXAMPLE, recordPath: '' }, 'UTC')).not.toHaveProperty('recordingUrl');
    expect(toCallResult({ ...CALL_RESULT_PAGE_EXAMPLE, recordPath: null }, 'UTC')).not.toHaveProperty('recordingUrl');
  });

  it('keeps nulls and missing fields as null, and odd values without failing', () => {
    expect(toCallResult({}, 'UTC')).toEqual({
      callId: null,
      calledNumber: null,
      status: null,
      failCode: null,
      ringingAt: null,
      startedAt: null,
      endedAt: null,
      displayResult: null,
      vdnId: null,
    });
    const odd = toCallResult(asSentByIsales({ vdnId: '11', callBeginTime: 'yesterday', failCode: 0, callStatus: { x: 1 } }), 'UTC');
    expect(odd).toMatchObject({ vdnId: 11, startedAt: 'yesterday', failCode: '0', status: '{"x":1}' });
  });
});
