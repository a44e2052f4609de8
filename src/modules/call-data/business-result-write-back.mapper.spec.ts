import { toIsalesBusinessResultWriteBack } from './business-result-write-back.mapper';

describe('toIsalesBusinessResultWriteBack', () => {
  it('sends the page example (docs/isales/call-results-choices.md §3) from its clean names', () => {
    const body = toIsalesBusinessResultWriteBack({ businessResult: '1621474513', subStatus: '1048856206', description: '1', agent: '2033' });
    expect(body).toEqual({ busiResult: '1621474513', subStatus: '1048856206', busiResultDesc: '1', workNo: '2033' });
    expect(JSON.stringify(body)).toBe('{"busiResult":"1621474513","subStatus":"1048856206","busiResultDesc":"1","workNo":"2033"}');
  });

  it('sends only the fields given', () => {
    expect(toIsalesBusinessResultWriteBack({ businessResult: '11111' })).toEqual({ busiResult: '11111' });
    expect(toIsalesBusinessResultWriteBack({ businessResult: '11111', description: '' })).toEqual({ busiResult: '11111', busiResultDesc: '' });
  });
});
