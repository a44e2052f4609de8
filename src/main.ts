// First: the tracer must exist before any module that it traces is loaded.
import './telemetry/tracing';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.setup';
import { exitOnFatalError, flushLogsAndExit } from './common/logging/log-destination';
import { LogWriter, stdoutWriter } from './common/logging/log-writer';
import { ConfigError } from './config/env-parser';
import { AppConfig, loadConfig } from './config/configuration';
import { assertAccessControlConfigured } from './config/auth.config';
import { LifecycleService } from './health/lifecycle.service';

function configOrExit(): AppConfig {
  try {
    const config = loadConfig(process.env);
    assertAccessControlConfigured(config.auth);
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      // Names each variable at fault; values are never printed (ISALES_SK is a secret).
      process.stderr.write(`isales-gateway: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

/**
 * SIGTERM/SIGINT: readiness turns 503, the listener stops accepting, in-flight requests finish
 * (bounded by SHUTDOWN_GRACE_MS), Redis and the upstream pool close, the buffered log lines are
 * written, and the process exits 0.
 */
function drainOnSignals(app: NestFastifyApplication, graceMs: number, logs: LogWriter): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.get(LifecycleService).markStopping();
    logger.log({ signal, graceMs }, 'draining in-flight requests');
    const deadline = setTimeout(() => {
      logger.warn({ graceMs }, 'grace period over: exiting with requests still in flight');
      flushLogsAndExit(logs, 1);
    }, graceMs);
    deadline.unref();
    try {
      // Close the listener and wait for in-flight requests first: Nest's own close() runs the
      // modules' destroy hooks (Redis, the upstream connection pool) before it stops the server.
      await app.getHttpAdapter().getInstance().close();
      await app.close();
      logger.log('stopped');
      flushLogsAndExit(logs, 0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      flushLogsAndExit(logs, 1);
    }
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logs = stdoutWriter();
  exitOnFatalError(logs);
  const app = await createApp(config, { logStream: logs });
  drainOnSignals(app, config.http.shutdownGraceMs, logs);
  await app.listen(config.http.port, config.http.host);
}

void main();
