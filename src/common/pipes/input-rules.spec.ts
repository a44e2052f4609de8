import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { AtLeastOneOf } from '../dto/at-least-one';
import { Variants } from '../dto/variants';
import { inputRuleViolations } from './input-rules';

class Child {
  @IsString()
  name: string;
}

@AtLeastOneOf(['name', 'children', 'kind', 'extra'])
@Variants({
  discriminator: 'kind',
  variants: { a: { schemaName: 'A', description: 'a', without: ['extra'] }, b: { schemaName: 'B', description: 'b', without: [] } },
})
class Parent {
  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Child)
  children?: Child[];

  @IsOptional()
  @IsString()
  kind?: string;

  @IsOptional()
  extra?: unknown;
}

const names = (value: unknown) => inputRuleViolations(value, Parent).map((v) => `${v.name}: ${v.reason}`);

describe('inputRuleViolations', () => {
  it('passes a clean input', () => {
    expect(names({ name: 'x', children: [{ name: 'y' }], kind: 'b', extra: { free: null } })).toEqual([]);
  });

  it('refuses null in a declared field, nested ones and list items included, by path', () => {
    expect(names({ name: null, children: [null, { name: null }] })).toEqual([
      'name: must not be null',
      'children.0: must not be null',
      'children.1.name: must not be null',
    ]);
  });

  it('leaves null inside a free-form value alone', () => {
    expect(names({ extra: { a: null, b: [null] }, kind: 'b' })).toEqual([]);
  });

  it.each(['\u0000', '\u0007', '\u001f', '\u007f', '\u202a', '\u202e', '\u2066', '\u2069', '\n', '\t'])('refuses U+%s anywhere in a string', (c) => {
    expect(names({ name: `a${c}b`, children: [{ name: c }], kind: 'b', extra: { deep: [`x${c}`] } })).toEqual([
      'name: must not contain control characters or bidirectional overrides',
      'children.0.name: must not contain control characters or bidirectional overrides',
      'extra.deep.0: must not contain control characters or bidirectional overrides',
    ]);
  });

  it('takes other non-ASCII text', () => {
    expect(names({ name: '客户直接挂断 é \u200f 😀' })).toEqual([]);
  });

  it('refuses keys named like Object.prototype members unless declared, at any depth', () => {
    expect(names({ name: 'x', toString: 1, children: [{ name: 'y', hasOwnProperty: 2 }], extra: { valueOf: 3 } })).toEqual([
      'toString: property toString should not exist',
      'children.0.hasOwnProperty: property hasOwnProperty should not exist',
      'extra.valueOf: property valueOf should not exist',
    ]);
  });

  it('refuses a body without any of @AtLeastOneOf', () => {
    expect(names({})).toEqual(['body: at least one of name, children, kind, extra must be given']);
  });

  it('refuses a property the chosen variant does not take', () => {
    expect(names({ kind: 'a', extra: 1 })).toEqual(['extra: must not be given when kind is a']);
    expect(names({ kind: 'b', extra: 1 })).toEqual([]);
  });

  it('checks strings and prototype names of an input without a DTO too', () => {
    expect(inputRuleViolations({ constructor: 'x', a: 'b\u0000' }, undefined).map((v) => v.name)).toEqual(['constructor', 'a']);
  });
});
