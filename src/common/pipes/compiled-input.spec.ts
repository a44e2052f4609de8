import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, ValidateIf, validateSync, ValidationError } from 'class-validator';
import { VdnParamsDto } from '../dto/vdn.params.dto';
import { NoQueryDto } from '../dto/no-query.dto';
import { ValidationFailedError } from '../errors/gateway-error';
import { InvalidParam } from '../errors/problem';
import { AppointmentParamsDto } from '../../modules/appointments/dto/appointment.params.dto';
import { AppointmentResultDto } from '../../modules/appointments/dto/appointment-result.dto';
import { CreateAppointmentDto } from '../../modules/appointments/dto/create-appointment.dto';
import { ListAppointmentsQueryDto } from '../../modules/appointments/dto/list-appointments.query.dto';
import { UpdateAppointmentDto } from '../../modules/appointments/dto/update-appointment.dto';
import { CreateBusinessResultDto } from '../../modules/business-results/dto/create-business-result.dto';
import { ListBusinessResultsQueryDto } from '../../modules/business-results/dto/list-business-results.query.dto';
import { CreateFileServerDto } from '../../modules/file-servers/dto/create-file-server.dto';
import { ListFileServersQueryDto } from '../../modules/file-servers/dto/list-file-servers.query.dto';
import { UpdateFileServerDto } from '../../modules/file-servers/dto/update-file-server.dto';
import { compileClass, compileFastPath, UntranslatableRuleError } from './compiled-input';
import { compileCheck } from './validation.pipe';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function;

/** What class-transformer and class-validator answered for the same input (the pipe before the checks were compiled). */
function classValidatorAnswer(target: Class, input: object): { params: InvalidParam[]; value: unknown } {
  const flatten = (errors: ValidationError[], prefix = ''): InvalidParam[] =>
    errors.flatMap((error) => {
      const name = prefix + error.property;
      return [...Object.values(error.constraints ?? {}).map((reason) => ({ name, reason })), ...flatten(error.children ?? [], `${name}.`)];
    });
  const value = plainToInstance(target as new () => object, input);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return { params: flatten(errors), value };
}

function compiledAnswer(target: Class, kind: 'body' | 'query' | 'path', input: object): { params: InvalidParam[]; value: unknown } {
  try {
    return { params: [], value: compileCheck(target, kind)(input) };
  } catch (error) {
    if (error instanceof ValidationFailedError) return { params: error.invalidParams, value: undefined };
    throw error;
  }
}

const SERVER = { host: '10.21.124.175', port: 22, path: '/home/sftp', username: 'isales', password: 'S3cure-pass' };
const RESERVATION = { type: 'manual', calledNumber: '13800000001', agent: '116', taskId: '1106025109', appointedAt: '2030-06-02T10:00:00Z' };

const CASES: ReadonlyArray<[Class, 'body' | 'query' | 'path', object]> = [
  [VdnParamsDto, 'path', { vdnId: '1' }],
  [VdnParamsDto, 'path', { vdnId: 'abc' }],
  [VdnParamsDto, 'path', { vdnId: '0' }],
  [VdnParamsDto, 'path', { vdnId: ' 12 ' }],
  [VdnParamsDto, 'path', { vdnId: '1.5' }],
  [VdnParamsDto, 'path', { vdnId: '' }],
  [AppointmentParamsDto, 'path', { vdnId: '10000', appointmentId: '12a' }],
  [ListBusinessResultsQueryDto, 'query', {}],
  [ListBusinessResultsQueryDto, 'query', { page: '2', pageSize: '100' }],
  [ListBusinessResultsQueryDto, 'query', { page: ['1', '2'], pageSize: '101' }],
  [ListBusinessResultsQueryDto, 'query', { page: '1e2', pageSize: '0x10' }],
  [ListBusinessResultsQueryDto, 'query', { page: '1', other: 'x' }],
  [ListFileServersQueryDto, 'query', { ids: '1, 2 ,3' }],
  [ListFileServersQueryDto, 'query', { ids: ['1', '2,3'] }],
  [ListFileServersQueryDto, 'query', { ids: '' }],
  [ListFileServersQueryDto, 'query', { ids: 'a,1' }],
  [ListFileServersQueryDto, 'query', { ids: Array.from({ length: 101 }, (_, i) => String(i)).join(',') }],
  [ListAppointmentsQueryDto, 'query', { agents: '116,agent.01@vdn1', from: '2025-05-15T00:00:00Z', to: '2025-05-16T00:00:00Z', calledNumber: '+86' }],
  [ListAppointmentsQueryDto, 'query', { from: '2025-05-17T00:00:00Z', to: '2025-05-16T00:00:00Z', taskId: 'x' }],
  [ListAppointmentsQueryDto, 'query', { from: '1969-12-31T23:59:59Z', to: 'tomorrow' }],
  [CreateAppointmentDto, 'body', RESERVATION],
  [CreateAppointmentDto, 'body', { ...RESERVATION, type: 'automatic', callData: { a: 1 } }],
  [CreateAppointmentDto, 'body', { ...RESERVATION, type: 'x', callData: 'y'.repeat(1025), remark: 5 }],
  [CreateAppointmentDto, 'body', { ...RESERVATION, remark: 'r'.repeat(501) }],
  [CreateAppointmentDto, 'body', {}],
  [UpdateAppointmentDto, 'body', { agent: '117', appointedAt: '2030-06-02T11:00:00Z', remark: 'x' }],
  [UpdateAppointmentDto, 'body', { agent: 'a b', appointedAt: '2030-02-30T11:00:00Z', remark: ['x'] }],
  [AppointmentResultDto, 'body', { businessSubStatus: '1', startedAt: '2030-06-02T10:03:41Z', endedAt: '2030-06-02T10:00:05Z' }],
  [AppointmentResultDto, 'body', { failCode: 'x', callId: '', callerNumber: 5 }],
  [CreateBusinessResultDto, 'body', { name: '客户直接挂断', code: '1', children: [{ name: 'a', code: '2' }, { name: 'b' }] }],
  [CreateBusinessResultDto, 'body', { name: 'a', code: '1', children: [{ name: 'a', code: '1' }, { name: '!', other: 1 }, 'x'] }],
  [CreateBusinessResultDto, 'body', { name: 'a', children: 'x' }],
  [CreateBusinessResultDto, 'body', { name: 'a', children: { name: 'b' } }],
  [CreateBusinessResultDto, 'body', { name: 'a'.repeat(51), description: '' }],
  [CreateFileServerDto, 'body', SERVER],
  [CreateFileServerDto, 'body', { ...SERVER, host: 'a b', port: '22', path: 'rel', username: 'a.b', password: 'short' }],
  [CreateFileServerDto, 'body', { ...SERVER, port: 1.5, extra: true }],
  [UpdateFileServerDto, 'body', { ...SERVER, password: undefined }],
  [UpdateFileServerDto, 'body', { ...SERVER, host: 'h'.repeat(256), port: 70000 }],
];

describe('compiled input checks', () => {
  it.each(CASES.map(([target, kind, input], i) => [i, target.name, kind, input] as const))(
    'case %i (%s %s) answers what class-validator did',
    (_i, _name, kind, input) => {
      const target = CASES[_i][0];
      const expected = classValidatorAnswer(target, input);
      const actual = compiledAnswer(target, kind, input);
      expect(actual.params).toEqual(expected.params);
      if (expected.params.length === 0) {
        expect(actual.value).toBeInstanceOf(target);
        expect(actual.value).toEqual(expected.value);
      }
    },
  );

  it('takes no query parameter where the DTO declares none, as the pipe did', () => {
    expect(compileCheck(NoQueryDto, 'query')({})).toBeInstanceOf(NoQueryDto);
    expect(compiledAnswer(NoQueryDto, 'query', { page: '1' }).params).toEqual([{ name: 'page', reason: 'property page should not exist' }]);
  });

  it('names a list inside a list of nested objects as the item at fault', () => {
    expect(compiledAnswer(CreateBusinessResultDto, 'body', { name: 'a', children: [[]] }).params).toEqual([
      { name: 'children.0', reason: 'each value in nested property children must be either object or array' },
    ]);
  });

  it('leaves anything off the plain valid case to the full checks (which word the problem)', () => {
    const fast = compileFastPath(compileClass(ListFileServersQueryDto))!;
    expect(fast({ page: '2', ids: '1,2' })).toMatchObject({ page: 2, pageSize: 20, ids: ['1', '2'] });
    for (const input of [{ toString: '1' }, { page: '1\u0085' }, { page: ['1', '2'] }, { page: '0' }, { other: 'x' }, { ids: null }]) {
      expect(fast(input)).toBeUndefined();
    }
    expect(compileFastPath(compileClass(CreateBusinessResultDto))).toBeUndefined();
  });

  it('converts page and pageSize to numbers, with their defaults, and splits lists', () => {
    expect(compileCheck(ListFileServersQueryDto, 'query')({ pageSize: '5', ids: ' 1 ,2' })).toMatchObject({ page: 1, pageSize: 5, ids: ['1', '2'] });
  });

  it('checks a size bound before anything nested, and lists at most 20 parameters', () => {
    const check = compileCheck(CreateBusinessResultDto, 'body');
    expect(() => check({ name: 'a', children: Array.from({ length: 5000 }, () => ({})) })).toThrow(
      expect.objectContaining({ invalidParams: [{ name: 'children', reason: 'children must hold at most 100 sub-results' }] }),
    );
    let error: ValidationFailedError | undefined;
    try {
      check({ name: 'a', children: Array.from({ length: 50 }, () => ({ code: '!' })) });
    } catch (caught) {
      error = caught as ValidationFailedError;
    }
    expect(error?.invalidParams).toHaveLength(20);
    expect(error?.detail).toMatch(/only the first 20 invalid parameters are listed/);
  });

  it.each([null, [], '', 0, true])('refuses a body that is not an object (%p), naming the body', (body) => {
    expect(() => compileCheck(UpdateAppointmentDto, 'body')(body)).toThrow(
      expect.objectContaining({ invalidParams: [{ name: 'body', reason: 'the body must be a JSON object' }] }),
    );
  });

  describe('a rule without a compiled check fails the start-up', () => {
    it('a class-validator rule it does not know', () => {
      class Probe {
        @IsEmail()
        email: string;
      }
      expect(() => compileClass(Probe)).toThrow(UntranslatableRuleError);
    });

    it('a conditional rule', () => {
      class Probe {
        @ValidateIf(() => true)
        @IsString()
        name: string;
      }
      expect(() => compileClass(Probe)).toThrow(UntranslatableRuleError);
    });

    it('a @Transform without its declared coercion', () => {
      class Probe {
        @IsOptional()
        @Transform(({ value }: { value: unknown }) => value)
        @IsString()
        name?: string;
      }
      expect(() => compileClass(Probe)).toThrow(/declared coercion/);
    });
  });
});
