import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DependencyIndicators } from './dependency.indicators';
import { LifecycleService } from './lifecycle.service';
import { Public } from '../edge/scopes.decorator';

@Public()
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dependencies: DependencyIndicators,
    private readonly lifecycle: LifecycleService,
  ) {}

  /** Liveness: the process answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 503 while starting or shutting down; Redis and iSales are reported, never fatal. */
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.check();
    } catch (error) {
      // Terminus reports "not ready" as an exception; probes want its report with the 503.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      return error.getResponse();
    }
  }

  private check() {
    return this.health.check([
      () => {
        const session = this.indicators.check('gateway');
        const phase = this.lifecycle.current;
        return phase === 'serving' ? session.up({ phase }) : session.down({ phase });
      },
      () => this.dependencies.redis(),
      () => this.dependencies.isales(),
    ]);
  }
}
