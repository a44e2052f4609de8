import 'reflect-metadata';
import { createApp } from './app.setup';
import { ConfigError } from './config/env-parser';
import { AppConfig, loadConfig } from './config/configuration';

function configOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      // Names each variable at fault; values are never printed (ISALES_SK is a secret).
      process.stderr.write(`isales-gateway: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const app = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.http.port, config.http.host);
}

void main();
