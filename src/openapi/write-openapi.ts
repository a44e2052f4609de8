import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { createApp } from '../app.setup';
import { loadConfig } from '../config/configuration';
import { CLIENT_TYPES_PATH, renderClientTypes } from './client-types';
import { buildOpenApiDocument } from './openapi';

interface Artifact {
  path: string;
  text: string;
}

/** The committed OpenAPI document and the typed client's types, as the code describes them now. */
async function renderArtifacts(): Promise<Artifact[]> {
  const config = loadConfig({
    ISALES_BASE_URL: 'http://127.0.0.1:1',
    ISALES_AK: 'openapi',
    ISALES_SK: 'openapi',
    LOG_LEVEL: 'silent',
    AUTH_DISABLED: 'true',
    METRICS_ENABLED: 'false',
  });
  const app = await createApp(config, { logStream: new Writable({ write: (_c, _e, cb) => cb() }) });
  await app.init();
  const document = buildOpenApiDocument(app);
  await app.close();
  return [
    { path: 'openapi.json', text: JSON.stringify(document, null, 2) + '\n' },
    { path: CLIENT_TYPES_PATH, text: await renderClientTypes(document) },
  ];
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // a missing file is stale too
  }
}

/**
 * Writes openapi.json and the client's generated types, or with --check fails when a committed
 * file differs from what the code describes. Run from the built output (dist/), where the
 * @nestjs/swagger CLI plugin has added the DTO metadata.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const artifacts = await renderArtifacts();
  if (!check) {
    for (const { path, text } of artifacts) {
      writeFileSync(resolve(process.cwd(), path), text);
      process.stdout.write(`wrote ${path}\n`);
    }
    return;
  }
  const stale = artifacts.filter(({ path, text }) => readOrEmpty(resolve(process.cwd(), path)) !== text).map((a) => a.path);
  if (stale.length > 0) {
    process.stderr.write(`stale: ${stale.join(', ')}: run \`npm run openapi\` and commit the result\n`);
    process.exit(1);
  }
  process.stdout.write(`up to date: ${artifacts.map((a) => a.path).join(', ')}\n`);
}

void main();
