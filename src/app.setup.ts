import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { AppModule, AppModuleOptions } from './app.module';
import { Authenticator } from './auth/authenticator';
import { RateLimitBackend } from './edge/rate-limit.backend';
import { LOG_BASE, requestLogMixin } from './telemetry/logger.options';
import { createValidationPipe } from './common/pipes/validation.pipe';
import { AppConfig } from './config/configuration';
import { trustFunction } from './edge/client-address';
import { CallbackGate } from './edge/callback-gate';
import { installDirectRoutes } from './edge/direct-routes';
import { installEdge } from './edge/edge.pipeline';
import { MemoryLane } from './edge/memory-lane';
import { RequestLogWriter } from './edge/request-log';
import { serverOptions } from './edge/server-options';
import { LifecycleService } from './health/lifecycle.service';
import { LIST_BUSINESS_RESULTS } from './modules/business-results/business-results.direct';
import { LIST_FILE_SERVERS } from './modules/file-servers/file-servers.direct';
import { buildOpenApiDocument, DOCS_PATH, setupSwagger } from './openapi/openapi';

/** Builds the application exactly as production runs it; main.ts and the e2e tests both use this. */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<NestFastifyApplication> {
  const trusted = trustFunction(config.edge.trustProxy);
  // No Nest middleware runs here (the edge's phases are Fastify hooks): without middie, no hook of its runs per request.
  // The cache hit is answered in front of Fastify once the application is built (docs/design.md section 16).
  const memoryLane = new MemoryLane();
  const adapter = new FastifyAdapter({ ...serverOptions(config.edge, trusted, memoryLane), skipMiddie: true });
  // One stream for the application's log and the access log, so that their lines interleave whole.
  const logStream = options.logStream ?? pino.destination({ dest: 1, sync: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, { ...options, logStream }), adapter, {
    bufferLogs: true,
    // The edge's read phase parses JSON (bounded and depth-checked); Nest's own parsers would replace it.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const validation = createValidationPipe(app);
  app.useGlobalPipes(validation);
  // The two hot GETs skip Nest's per-request execution context (docs/design.md section 16).
  const inMemory = installDirectRoutes(app.getHttpAdapter().getInstance(), [LIST_BUSINESS_RESULTS, LIST_FILE_SERVERS], { app, checks: validation });

  const lifecycle = app.get(LifecycleService);
  await installEdge(app.getHttpAdapter().getInstance(), config.edge, {
    authenticator: app.get(Authenticator),
    rateLimitRedis: app.get(RateLimitBackend).redis,
    trusted,
    callbackGate: app.get(CallbackGate),
    docsPrefix: `/${DOCS_PATH}`,
    stopping: () => lifecycle.current === 'stopping',
    requestLog: new RequestLogWriter({ level: config.logLevel, destination: logStream, base: LOG_BASE, mixin: requestLogMixin() }),
    memoryLane: { lane: memoryLane, routes: inMemory },
  });
  if (config.edge.docsEnabled) setupSwagger(app, buildOpenApiDocument(app));
  return app;
}
