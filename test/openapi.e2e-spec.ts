import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CLIENT_TYPES_PATH } from '../src/openapi/client-types';
import { useStack } from './support/harness';

const ROOT = resolve(__dirname, '..');
const GENERATOR = resolve(ROOT, 'dist/openapi/write-openapi.js');
// The generator boots the application and runs openapi-typescript: seconds, many on a busy machine.
const GENERATOR_TIMEOUT_MS = 60_000;

interface Operation {
  parameters?: Array<{ name: string; in: string; schema: Record<string, unknown> }>;
  responses: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown }> }>;
}

const document = JSON.parse(readFileSync(resolve(ROOT, 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
);

describe('the OpenAPI document', () => {
  it(
    "is what the code describes (neither openapi.json nor the typed client's types is stale)",
    () => {
      // The generator runs from the build, where the Swagger CLI plugin has added the DTO metadata.
      expect(existsSync(GENERATOR)).toBe(true);
      expect(() => execFileSync(process.execPath, [GENERATOR, '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
    },
    GENERATOR_TIMEOUT_MS,
  );

  it(
    "fails the check when only the client's types are behind the document",
    () => {
      const copy = mkdtempSync(join(tmpdir(), 'openapi-check-'));
      try {
        cpSync(resolve(ROOT, 'openapi.json'), join(copy, 'openapi.json'));
        mkdirSync(dirname(join(copy, CLIENT_TYPES_PATH)), { recursive: true });
        const types = readFileSync(resolve(ROOT, CLIENT_TYPES_PATH), 'utf8');
        writeFileSync(join(copy, CLIENT_TYPES_PATH), types.replace('getFileServer', 'fetchFileServer'));
        const run = spawnSync(process.execPath, [GENERATOR, '--check'], { cwd: copy, encoding: 'utf8' });
        expect(run.status).toBe(1);
        expect(run.stderr).toBe(`stale: ${CLIENT_TYPES_PATH}: run \`npm run openapi\` and commit the result\n`);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
    GENERATOR_TIMEOUT_MS,
  );

  it('documents every route of the contract', () => {
    expect(operations.map((o) => o.route).sort()).toEqual(
      [
        'GET /api/v1/vdns/{vdnId}/blacklist-import-tasks',
        'GET /api/v1/vdns/{vdnId}/blacklist-import-tasks/{taskId}',
        'GET /api/v1/vdns/{vdnId}/file-servers',
        'GET /api/v1/vdns/{vdnId}/file-servers/{serverId}',
        'GET /api/v1/vdns/{vdnId}/business-results',
        'GET /api/v1/vdns/{vdnId}/business-results/{code}',
        'GET /api/v1/vdns/{vdnId}/call-results',
        'GET /api/v1/vdns/{vdnId}/call-results/events',
        'DELETE /api/v1/vdns/{vdnId}/business-results/cache',
        'GET /api/v1/vdns/{vdnId}/appointments',
        'POST /api/v1/vdns/{vdnId}/file-servers',
        'PUT /api/v1/vdns/{vdnId}/file-servers/{serverId}',
        'DELETE /api/v1/vdns/{vdnId}/file-servers/{serverId}',
        'POST /api/v1/vdns/{vdnId}/appointments',
        'PATCH /api/v1/vdns/{vdnId}/appointments/{appointmentId}',
        'PUT /api/v1/vdns/{vdnId}/appointments/{appointmentId}/result',
        'DELETE /api/v1/vdns/{vdnId}/appointments/{appointmentId}',
        'POST /api/v1/vdns/{vdnId}/business-results',
        // Call results, call data and the campaigns' call-data import tasks.
        'GET /api/v1/vdns/{vdnId}/call-results/{callId}',
        'PUT /api/v1/vdns/{vdnId}/call-data/{dataId}/business-result',
        'GET /api/v1/vdns/{vdnId}/campaigns/{campaignId}/import-tasks',
        // Campaigns and do-not-call numbers (docs/design.md section 17).
        'GET /api/v1/vdns/{vdnId}/campaigns',
        'GET /api/v1/vdns/{vdnId}/campaigns/{campaignId}',
        'POST /api/v1/vdns/{vdnId}/campaigns/{campaignId}/pause',
        'POST /api/v1/vdns/{vdnId}/campaigns/{campaignId}/resume',
        'GET /api/v1/vdns/{vdnId}/blocked-numbers',
        'POST /api/v1/vdns/{vdnId}/blocked-numbers',
        'DELETE /api/v1/vdns/{vdnId}/blocked-numbers/{number}',
        'DELETE /api/v1/vdns/{vdnId}/blocked-numbers',
      ].sort(),
    );
  });

  it('marks every password write-only, and documents Idempotency-Key on every POST', () => {
    const schemas = document.components.schemas as Record<string, { properties?: Record<string, { writeOnly?: boolean }> }>;
    const passwords = Object.entries(schemas).filter(([, schema]) => schema.properties?.password);
    expect(passwords.map(([name]) => name).sort()).toEqual(['CreateFileServerDto', 'UpdateFileServerDto']);
    for (const [, schema] of passwords) expect(schema.properties!.password.writeOnly).toBe(true);
    for (const { route, operation } of operations.filter((o) => o.route.startsWith('POST '))) {
      expect({ route, headers: (operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name) }).toEqual({
        route,
        headers: ['Idempotency-Key'],
      });
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['409', '422']));
      // A POST creates (201) or acts (204: pause, resume, block numbers).
      expect({ route, success: Object.keys(operation.responses).filter((status) => status.startsWith('2')) }).toEqual({
        route,
        success: [expect.stringMatching(/^20[14]$/)],
      });
    }
  });

  it.each(operations)('$route: parameters with their limits, an example, and problem details on each error', ({ operation }) => {
    const params = Object.fromEntries((operation.parameters ?? []).map((p) => [p.name, p.schema]));
    expect(params.vdnId).toMatchObject({ minimum: 1, maximum: 9999 });
    if (params.pageSize) expect(params.pageSize).toMatchObject({ minimum: 1, maximum: 100 });
    if (params.page) expect(params.page).toMatchObject({ minimum: 1 });
    const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
    expect(errors.map(([status]) => status)).toEqual(expect.arrayContaining(['400', '500']));
    for (const [, response] of errors) {
      expect(response.content?.['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/ProblemDetailsDto' });
    }
    const ok = operation.responses['200'];
    // JSON, or another media type of its own (the call-result events' text/event-stream).
    if (ok) for (const media of Object.values(ok.content ?? {})) expect(media.example).toBeDefined();
  });
});

describe('Swagger UI', () => {
  const stack = useStack();

  it('is served at /docs, with the document at /docs/openapi.json', async () => {
    const ui = await stack.get('/docs');
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
    const json = await stack.get('/docs/openapi.json');
    expect(json.status).toBe(200);
    expect(Object.keys(((await json.json()) as { paths: object }).paths).sort()).toEqual(Object.keys(document.paths).sort());
  });
});
