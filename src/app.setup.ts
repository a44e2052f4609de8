import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';
import { authenticateRequests } from './auth/authenticate.hook';
import { Authenticator } from './auth/authenticator';
import { limitRequests } from './auth/rate-limit';
import { RateLimitBackend } from './auth/rate-limit.backend';
import { clientErrorHandler, frameworkErrors, MAX_PARAM_LENGTH } from './common/http/edge-errors';
import { hardenHttpEdge, HTTP_LIMITS } from './common/http/http-edge';
import { trackRouteMethods } from './common/http/route-methods';
import { logRequests } from './common/logging/request-log.hook';
import { createValidationPipe } from './common/pipes/validation.pipe';
import { REQUEST_ID_HEADER, RequestContext, requestIdFrom } from './common/request/request-context';
import { AppConfig } from './config/configuration';
import { LifecycleService } from './health/lifecycle.service';
import { buildOpenApiDocument, setupSwagger } from './openapi/openapi';
import { observeRequests } from './telemetry/http-metrics.hook';
import { traceRequests } from './telemetry/http-tracing.hook';

/** Builds the application exactly as production runs it; main.ts and the e2e tests both use this. */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: (req: IncomingMessage) => requestIdFrom(req.headers[REQUEST_ID_HEADER]),
    trustProxy: true,
    return503OnClosing: true,
    bodyLimit: HTTP_LIMITS.bodyBytes,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    http: { maxHeaderSize: HTTP_LIMITS.maxHeaderBytes },
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    RequestContext.run({ requestId: String(request.id) }, done);
  });
  const lifecycle = app.get(LifecycleService);
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    // While draining, answers close their connection, so keep-alive clients cannot hold the
    // listener open past the last in-flight request.
    if (lifecycle.current === 'stopping') reply.header('connection', 'close');
    done(null, payload);
  });
  traceRequests(fastify);
  observeRequests(fastify);
  trackRouteMethods(fastify);
  await hardenHttpEdge(app, config.edge);
  authenticateRequests(fastify, app.get(Authenticator));
  if (config.edge.rateLimit) await limitRequests(app, config.edge.rateLimit, app.get(RateLimitBackend).redis);
  logRequests(fastify);
  if (config.edge.docsEnabled) setupSwagger(app, buildOpenApiDocument(app));
  return app;
}
