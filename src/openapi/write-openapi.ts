import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { createApp } from '../app.setup';
import { loadConfig } from '../config/configuration';
import { buildOpenApiDocument } from './openapi';

/**
 * Writes the OpenAPI document to the committed openapi.json, or with --check fails when the
 * committed file differs from what the code describes. Run from the built output (dist/), where
 * the @nestjs/swagger CLI plugin has added the DTO metadata.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const target = resolve(process.cwd(), 'openapi.json');
  const config = loadConfig({ ISALES_BASE_URL: 'http://127.0.0.1:1', ISALES_AK: 'openapi', ISALES_SK: 'openapi', LOG_LEVEL: 'silent', AUTH_DISABLED: 'true', METRICS_ENABLED: 'false' });
  const app = await createApp(config, { logStream: new Writable({ write: (_c, _e, cb) => cb() }) });
  await app.init();
  const text = JSON.stringify(buildOpenApiDocument(app), null, 2) + '\n';
  await app.close();
  if (!check) {
    writeFileSync(target, text);
    process.stdout.write(`wrote ${target}\n`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // a missing file is stale too
  }
  if (committed !== text) {
    process.stderr.write('openapi.json is stale: run `npm run openapi` and commit the result\n');
    process.exit(1);
  }
  process.stdout.write('openapi.json is up to date\n');
}

void main();
