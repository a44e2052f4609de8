import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ListAppointmentsQueryDto } from './list-appointments.query.dto';

/** The properties at fault, as the global validation pipe would report them. */
function invalid(query: Record<string, unknown>): string[] {
  const dto = plainToInstance(ListAppointmentsQueryDto, query);
  return validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).map((error) => error.property);
}

describe('ListAppointmentsQueryDto', () => {
  it('accepts a full, valid query', () => {
    expect(
      invalid({
        page: '2',
        pageSize: '50',
        taskId: '1106025109',
        calledNumber: '+8613800000000',
        agents: '116,agent.01@vdn1,a_b-c',
        from: '2025-05-15T00:00:00Z',
        to: '2025-05-15T08:00:00.123+08:00',
      }),
    ).toEqual([]);
  });

  it('splits agents and keeps them as strings', () => {
    expect(plainToInstance(ListAppointmentsQueryDto, { agents: '116, 117' }).agents).toEqual(['116', '117']);
  });

  it.each([
    ['taskId', { taskId: '11060x' }],
    ['taskId', { taskId: '1'.repeat(65) }],
    ['calledNumber', { calledNumber: '6666-0001' }],
    ['calledNumber', { calledNumber: '66+660001' }],
    ['calledNumber', { calledNumber: '1'.repeat(33) }],
    ['agents', { agents: 'a,b c' }],
    ['agents', { agents: 'a,,b' }],
    ['agents', { agents: 'x'.repeat(65) }],
    ['agents', { agents: Array.from({ length: 101 }, (_, i) => `a${i}`).join(',') }],
    ['from', { from: 'yesterday' }],
    ['from', { from: '2025-05-15' }],
    ['from', { from: '2025-05-15T09:00:00' }],
    ['from', { from: '2025-02-30T09:00:00Z' }],
    ['to', { to: '1747302523000' }],
    ['from', { from: '2025-05-16T00:00:00Z', to: '2025-05-15T00:00:00Z' }],
    ['from', { from: '2025-05-15T09:00:00+08:00', to: '2025-05-15T00:59:59Z' }],
  ])('rejects %s in %j', (property, query) => {
    expect(invalid(query)).toEqual([property]);
  });

  it('accepts from equal to to, and the same instant in another zone', () => {
    expect(invalid({ from: '2025-05-15T09:00:00+08:00', to: '2025-05-15T01:00:00Z' })).toEqual([]);
  });
});
