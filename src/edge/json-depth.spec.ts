import { JsonDepthScanner } from './json-depth';

const jsonDepthWithin = (text: string, maxDepth: number) => new JsonDepthScanner(maxDepth).feed(Buffer.from(text, 'utf8'));

describe('JsonDepthScanner', () => {
  it('accepts nesting up to the bound and refuses one level more', () => {
    expect(jsonDepthWithin(`${'['.repeat(32)}${']'.repeat(32)}`, 32)).toBe(true);
    expect(jsonDepthWithin(`${'['.repeat(33)}${']'.repeat(33)}`, 32)).toBe(false);
    expect(jsonDepthWithin('{"a":{"b":[1,{"c":2}]}}', 4)).toBe(true);
    expect(jsonDepthWithin('{"a":{"b":[1,{"c":2}]}}', 3)).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthWithin(JSON.stringify({ a: '[[[[[[{{{{\\"[[[[' }), 1)).toBe(true);
  });

  it('follows the nesting across chunks and refuses early', () => {
    const scanner = new JsonDepthScanner(32);
    expect(scanner.feed(Buffer.from('{"a":"[[[\\'))).toBe(true);
    expect(scanner.feed(Buffer.from('"[[","b":'))).toBe(true);
    expect(scanner.feed(Buffer.from('['.repeat(31)))).toBe(true);
    expect(scanner.feed(Buffer.from('['))).toBe(false);
  });
});
