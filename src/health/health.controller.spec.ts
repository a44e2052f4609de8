import { Test } from '@nestjs/testing';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { DependencyIndicators } from './dependency.indicators';
import { HealthController } from './health.controller';
import { LifecycleService } from './lifecycle.service';

describe('HealthController', () => {
  let controller: HealthController;
  let lifecycle: LifecycleService;
  let dependenciesUp = true;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        LifecycleService,
        {
          provide: DependencyIndicators,
          inject: [HealthIndicatorService],
          useFactory: (health: HealthIndicatorService) => ({
            redis: async () => (dependenciesUp ? health.check('cache').up() : health.check('cache').degraded({ reachable: false })),
            isales: async () => (dependenciesUp ? health.check('isales').up() : health.check('isales').degraded({ reachable: false })),
          }),
        },
      ],
    }).compile();
    controller = moduleRef.get(HealthController);
    lifecycle = moduleRef.get(LifecycleService);
    dependenciesUp = true;
  });

  interface FakeReply {
    statusCode: number;
    status(code: number): FakeReply;
  }

  function reply(): FakeReply {
    const fake: FakeReply = {
      statusCode: 200,
      status(code: number) {
        fake.statusCode = code;
        return fake;
      },
    };
    return fake;
  }

  it('is live whatever the phase', () => {
    lifecycle.markStopping();
    expect(controller.live()).toEqual({ status: 'ok' });
  });

  it.each([
    ['starting', 503, () => undefined],
    ['serving', 200, (l: LifecycleService) => l.markServing()],
    ['stopping', 503, (l: LifecycleService) => (l.markServing(), l.markStopping())],
  ] as const)('answers while %s with %i', async (phase, status, enter) => {
    enter(lifecycle);
    const r = reply();
    const body = (await controller.ready(r as unknown as FastifyReply)) as { details: { gateway: { phase: string } } };
    expect(r.statusCode).toBe(status);
    expect(body.details.gateway.phase).toBe(phase);
  });

  it('stays ready when Redis and iSales are down: they degrade, never fail', async () => {
    lifecycle.markServing();
    dependenciesUp = false;
    const r = reply();
    const body = (await controller.ready(r as unknown as FastifyReply)) as { details: Record<string, { status: string }> };
    expect(r.statusCode).toBe(200);
    expect(body.details.cache.status).toBe('degraded');
    expect(body.details.isales.status).toBe('degraded');
  });
});
