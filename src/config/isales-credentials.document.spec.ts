import { CredentialsDocumentResult, parseCredentialsDocument } from './isales-credentials.document';

const SECRET = 'sk-must-never-be-echoed';

function problemsOf(text: string): string[] {
  const result = parseCredentialsDocument(text);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.problems;
}

function tableOf(result: CredentialsDocumentResult) {
  if (!result.ok) throw new Error(`expected a table, got ${result.problems.join('; ')}`);
  return result.table;
}

describe('parseCredentialsDocument', () => {
  it('maps each listed VDN to its pair and keeps "*" as the fallback', () => {
    const table = tableOf(
      parseCredentialsDocument(
        JSON.stringify([
          { ak: 'ak-a', sk: 'sk-a', vdns: [1, 2] },
          { ak: 'ak-b', sk: 'sk-b', vdns: [3] },
          { ak: 'ak-c', sk: 'sk-c', vdns: '*' },
        ]),
      ),
    );
    expect(table.byVdn.get(1)).toEqual({ ak: 'ak-a', sk: 'sk-a' });
    expect(table.byVdn.get(2)).toEqual({ ak: 'ak-a', sk: 'sk-a' });
    expect(table.byVdn.get(3)).toEqual({ ak: 'ak-b', sk: 'sk-b' });
    expect(table.byVdn.has(4)).toBe(false);
    expect(table.fallback).toEqual({ ak: 'ak-c', sk: 'sk-c' });
    expect(table.pairCount).toBe(3);
  });

  it('has no fallback when no pair says "*"; tolerates whitespace around the document and a VDN repeated in one pair', () => {
    const table = tableOf(parseCredentialsDocument(`\n  [{"ak":"a","sk":"s","vdns":[7,7]}]\n`));
    expect(table.fallback).toBeNull();
    expect([...table.byVdn.keys()]).toEqual([7]);
  });

  it('lets one AK appear twice with the same SK (one access user, VDNs written in two entries)', () => {
    const table = tableOf(parseCredentialsDocument('[{"ak":"a","sk":"s","vdns":[1]},{"ak":"a","sk":"s","vdns":[2]}]'));
    expect(table.byVdn.get(2)).toEqual({ ak: 'a', sk: 's' });
  });

  it.each([
    ['not JSON', `[{"ak":"a","sk":"${SECRET}",}]`, ['is not valid JSON']],
    ['an object, not a list', `{"ak":"a","sk":"${SECRET}","vdns":"*"}`, [expect.stringContaining('must be a non-empty JSON array')]],
    ['an empty list', '[]', [expect.stringContaining('must be a non-empty JSON array')]],
    ['a pair that is not an object', `["${SECRET}"]`, ['pair 1 must be an object with ak, sk and vdns']],
    ['a missing sk', '[{"ak":"a","vdns":"*"}]', ['pair 1: sk must be a non-empty string']],
    ['an ak with a slash', `[{"ak":"a/b","sk":"${SECRET}","vdns":"*"}]`, ['pair 1: ak must be a non-empty string without spaces or slashes']],
    ['an unknown field', `[{"ak":"a","sk":"s","vdns":"*","${SECRET}":1}]`, ['pair 1 may only have the fields ak, sk and vdns']],
    ['VDN 0', '[{"ak":"a","sk":"s","vdns":[0]}]', [expect.stringContaining('pair 1: vdns must be "*" or a non-empty list')]],
    ['a VDN as a string', '[{"ak":"a","sk":"s","vdns":["1"]}]', [expect.stringContaining('pair 1: vdns must be')]],
    ['an empty VDN list', '[{"ak":"a","sk":"s","vdns":[]}]', [expect.stringContaining('pair 1: vdns must be')]],
    ['vdns "all"', '[{"ak":"a","sk":"s","vdns":"all"}]', [expect.stringContaining('pair 1: vdns must be')]],
    ['a VDN listed by two pairs', `[{"ak":"a","sk":"${SECRET}","vdns":[1,2]},{"ak":"b","sk":"t","vdns":[3,2]}]`, ['VDN 2 is listed by pairs 1 and 2']],
    ['two fallbacks', '[{"ak":"a","sk":"s","vdns":"*"},{"ak":"b","sk":"t","vdns":"*"}]', ['pairs 1 and 2 are both the fallback "*"']],
    ['one AK with two SKs', `[{"ak":"a","sk":"${SECRET}","vdns":[1]},{"ak":"a","sk":"t","vdns":[2]}]`, ['pairs 1 and 2 give the same ak different sks']],
  ])('refuses %s, naming pairs by position and echoing nothing', (_name, text, expected) => {
    const problems = problemsOf(text);
    expect(problems).toEqual(expected);
    expect(problems.join('\n')).not.toContain(SECRET);
  });

  it('reports every problem at once', () => {
    expect(problemsOf('[{"ak":"","sk":"","vdns":[1]},{"ak":"b","sk":"t","vdns":[1]},{"ak":"c","sk":"u","vdns":[10000]}]')).toEqual([
      'pair 1: ak must be a non-empty string without spaces or slashes',
      'pair 1: sk must be a non-empty string',
      'pair 3: vdns must be "*" or a non-empty list of VDN ids from 1 to 9999',
    ]);
  });
});
