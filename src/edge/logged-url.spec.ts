import { parse } from 'node:querystring';
import { loggedUrl, MAX_LOGGED_URL } from './logged-url';

const NUMBER = '8613812345678';
const PATH = '/api/v1/vdns/1/appointments';

describe('loggedUrl', () => {
  it('keeps a URL without personal values as it was sent', () => {
    expect(loggedUrl('/api/v1/vdns/1/file-servers')).toBe('/api/v1/vdns/1/file-servers');
    expect(loggedUrl(`${PATH}?page=2&taskId=174738152455111&agents=a%2Cb`)).toBe(`${PATH}?page=2&taskId=174738152455111&agents=a%2Cb`);
  });

  it('cuts a long URL after masking, so a cut never uncovers a number', () => {
    expect(loggedUrl(`/x/${'a'.repeat(8000)}`)).toHaveLength(MAX_LOGGED_URL + 3);
    const long = loggedUrl(`${PATH}?remark=${'r'.repeat(MAX_LOGGED_URL - PATH.length - 20)}&calledNumber=${NUMBER}`);
    expect(long).not.toContain('86138');
  });

  it('masks all but the last four characters of a called number', () => {
    expect(loggedUrl(`${PATH}?calledNumber=13812345678`)).toBe(`${PATH}?calledNumber=*******5678`);
    expect(loggedUrl(`${PATH}?calledNumber=123`)).toBe(`${PATH}?calledNumber=****`);
  });

  it.each([
    ['the plain name', `calledNumber=${NUMBER}`],
    ['an escaped letter', `called%4Eumber=${NUMBER}`],
    ['an escaped first letter', `%63alledNumber=${NUMBER}`],
    ['every letter escaped', `${[...'calledNumber'].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}=${NUMBER}`],
    ['lowercase escapes', `called%4eumber=${NUMBER}`],
    ['another case', `CALLEDNUMBER=${NUMBER}`],
    ['brackets', `calledNumber[]=${NUMBER}`],
    ['escaped brackets', `calledNumber%5B%5D=${NUMBER}`],
    ['duplicates', `calledNumber=${NUMBER}&calledNumber=${NUMBER}&called%4Eumber=${NUMBER}`],
    ['an escaped value', `calledNumber=%38%36%31%33%38%31%32%33%34%35%36%37%38`],
    ['a value with + and spaces', `calledNumber=%2B86+138+1234+5678`],
    ['a malformed escape beside', `called%4Eumber%ZZ=${NUMBER}`],
    ['a malformed escape in the value', `calledNumber=${NUMBER}%`],
    ['among other pairs', `page=1&calledNumber=${NUMBER}&pageSize=2`],
    ['the caller number', `callerNumber=${NUMBER}`],
  ])('leaves no number behind: %s', (_case, query) => {
    const logged = loggedUrl(`${PATH}?${query}`);
    expect(logged).not.toMatch(/\d{5}/);
    expect(decodeURIComponent(logged.replace(/%(?![0-9a-fA-F]{2})/g, '%25'))).not.toMatch(/\d[\d +]{4}/);
  });

  it('masks every name the query parser reads as calledNumber', () => {
    for (const name of ['calledNumber', 'called%4Eumber', '%63alledNumber', 'c%61lled%4eumber']) {
      expect(Object.keys(parse(`${name}=1`))).toEqual(['calledNumber']);
      expect(loggedUrl(`${PATH}?${name}=${NUMBER}`)).toBe(`${PATH}?${name}=*********5678`);
    }
  });
});

describe('loggedUrl: a blocked number in the path', () => {
  it.each([
    ['as sent', `/api/v1/vdns/1/blocked-numbers/${NUMBER}`],
    ['escaped digits', `/api/v1/vdns/1/blocked-numbers/%38%36${NUMBER.slice(2)}`],
    ['an escaped dash', `/api/v1/vdns/1/blocked%2Dnumbers/${NUMBER}`],
    ['another case', `/api/v1/vdns/1/Blocked-Numbers/${NUMBER}`],
    ['with a query', `/api/v1/vdns/1/blocked-numbers/${NUMBER}?x=1`],
  ])('leaves no number behind: %s', (_case, url) => {
    expect(loggedUrl(url)).not.toMatch(/\d{5}/);
    expect(loggedUrl(url)).toMatch(/5678/);
  });

  it('keeps a path without a number as it was sent', () => {
    expect(loggedUrl('/api/v1/vdns/1/blocked-numbers?page=1')).toBe('/api/v1/vdns/1/blocked-numbers?page=1');
    expect(loggedUrl('/api/v1/vdns/1/file-servers/a%2Fb')).toBe('/api/v1/vdns/1/file-servers/a%2Fb');
  });
});
