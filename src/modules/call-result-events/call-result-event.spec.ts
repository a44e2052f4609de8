import { CALLBACK_EXAMPLE as EXAMPLE } from '../../../simulator/callbacks';
import { toCallResultEvent, vdnOfRecord } from './call-result-event';
import { RECORD_EXAMPLE } from './call-result-events.controller';

const AT = '2020-08-30T12:00:01.250Z';
const shanghai = () => 'Asia/Shanghai';

describe('toCallResultEvent', () => {
  it('maps the page example to the clean record, in the tenant zone', () => {
    // The example the OpenAPI document shows for a kept result, received at AT.
    expect(toCallResultEvent(EXAMPLE, shanghai, AT)).toEqual({ record: RECORD_EXAMPLE });
  });

  it('is tolerant where iSales may vary: numbers as strings, unknown fields, other statuses, a recording', () => {
    const verdict = toCallResultEvent(
      { ...EXAMPLE, vdnId: '11', campaignId: 3, callStatus: '5', extra: { a: 1 }, recordPath: 'https://obs/r.wav', customField: 'order-1' },
      shanghai,
      AT,
    );
    expect(verdict).toMatchObject({ record: { vdnId: 11, campaignId: '3', status: 'failed', recordingUrl: 'https://obs/r.wav', customField: 'order-1' } });
    expect(toCallResultEvent({ ...EXAMPLE, callStatus: 7 }, shanghai, AT)).toMatchObject({ record: { status: '7' } });
    expect(toCallResultEvent({ callId: 'x', vdnId: 1 }, shanghai, AT)).toMatchObject({ record: { campaignId: null, calledAt: null, status: null } });
  });

  it.each([
    ['not an object', [1], 'is not an object'],
    ['no callId', { ...EXAMPLE, callId: undefined }, 'callId'],
    ['a callId with a slash', { ...EXAMPLE, callId: '../x' }, 'callId'],
    ['no vdnId', { ...EXAMPLE, vdnId: undefined }, 'vdnId'],
    ['a VDN out of range', { ...EXAMPLE, vdnId: 10000 }, 'vdnId'],
    ['an object as the called number', { ...EXAMPLE, called: { n: 1 } }, 'called'],
    ['a control character', { ...EXAMPLE, sessionId: 'a\u0000b' }, 'sessionId'],
    ['a huge customField', { ...EXAMPLE, customField: 'x'.repeat(5000) }, 'customField'],
  ])('refuses %s, naming the field and never its value', (_case, raw, field) => {
    const verdict = toCallResultEvent(raw, shanghai, AT);
    expect(verdict).toEqual({ invalid: expect.stringContaining(field) });
    expect(JSON.stringify(verdict)).not.toContain('60584');
  });

  it('tells the VDN a record names before validating it', () => {
    expect(vdnOfRecord(EXAMPLE)).toBe(11);
    expect(vdnOfRecord({ vdnId: 'x' })).toBeNull();
    expect(vdnOfRecord(null)).toBeNull();
  });
});
