import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { createGatewayClient } from '../clients/typescript/src/index';
import { useStack } from './support/harness';
import { contractCheckedFetch } from './support/response-contract';

const CLIENT = resolve(__dirname, '../clients/typescript');
const PACKAGE_NAME = '@isales-gateway/client';

/** The ```ts blocks of the client's README, each as a module of its own inside the package folder. */
function readmeExamples(): Map<string, string> {
  const readme = readFileSync(join(CLIENT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
  return new Map(blocks.map((code, i) => [join(CLIENT, `README.example-${i + 1}.ts`), code]));
}

/** Compiles the README's examples with the package's own tsconfig (strict, browser and Node alike). */
function compile(examples: Map<string, string>): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(CLIENT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('clients/typescript/tsconfig.json cannot be read');
  // The example imports the package by name, as a consumer does; here that name is the source.
  // (rootDir only says where dist/ mirrors src/: nothing is emitted here.)
  const options = { ...config.options, rootDir: undefined, noEmit: true, paths: { [PACKAGE_NAME]: [join(CLIENT, 'src/index.ts')] } };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (file) => examples.get(file) ?? readFile(file);
  host.fileExists = (file) => examples.has(file) || fileExists(file);
  const program = ts.createProgram([...config.fileNames, ...examples.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName.replace(CLIENT + '/', '')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('the typed client package (clients/typescript)', () => {
  const examples = readmeExamples();

  it('is strict, and its README shows the three calls a frontend makes', () => {
    const { config } = ts.readConfigFile(join(CLIENT, 'tsconfig.json'), (path) => ts.sys.readFile(path));
    expect(config.compilerOptions).toMatchObject({ strict: true, types: [] });
    expect(examples.size).toBe(1);
    const [example] = examples.values();
    expect(example).toContain("from '@isales-gateway/client'");
    expect(example.match(/await gateway\.GET\(/g)).toHaveLength(3);
  });

  it('compiles with its README example, in strict mode, without Node types', () => {
    expect(compile(examples)).toEqual([]);
  }, 60_000);

  it('refuses a route the gateway does not have (the example compile is not vacuous)', () => {
    const wrong = new Map([
      [
        join(CLIENT, 'README.wrong.ts'),
        "import { createGatewayClient } from '@isales-gateway/client';\n" +
          "await createGatewayClient({ baseUrl: '' }).GET('/api/v1/vdns/{vdnId}/servers', { params: { path: { vdnId: 1 } } });\n",
      ],
    ]);
    expect(compile(wrong).join('\n')).toMatch(/README\.wrong\.ts:2 .*servers/);
  }, 60_000);

  it('depends on the openapi-fetch the repository installs and tests with', () => {
    const own = JSON.parse(readFileSync(join(CLIENT, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
    const root = JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(own.name).toBe(PACKAGE_NAME);
    expect(own.dependencies).toEqual({ 'openapi-fetch': root.devDependencies['openapi-fetch'] });
  });
});

describe('the typed client against the gateway', () => {
  const stack = useStack();

  it('sends the API key or the bearer token it is given, the token asked afresh for each request', async () => {
    const headersOf: Headers[] = [];
    const recording = (request: Request) => {
      headersOf.push(new Headers(request.headers));
      return contractCheckedFetch(request);
    };
    const path = { params: { path: { vdnId: 1 } } };
    await createGatewayClient({ baseUrl: stack.gateway.url, auth: { apiKey: 'k-1' }, fetch: recording }).GET('/api/v1/vdns/{vdnId}/file-servers', path);
    let n = 0;
    const rotating = createGatewayClient({ baseUrl: stack.gateway.url, auth: { bearerToken: async () => `t-${++n}` }, fetch: recording });
    await rotating.GET('/api/v1/vdns/{vdnId}/file-servers', path);
    await rotating.GET('/api/v1/vdns/{vdnId}/file-servers', path);
    expect(headersOf.map((h) => [h.get('x-api-key'), h.get('authorization')])).toEqual([
      ['k-1', null],
      [null, 'Bearer t-1'],
      [null, 'Bearer t-2'],
    ]);
  });

  it('answers data on 2xx and a typed problem otherwise, with the response either way', async () => {
    const ok = await stack.client.GET('/api/v1/vdns/{vdnId}/blacklist-import-tasks', { params: { path: { vdnId: 1 }, query: { pageSize: 1 } } });
    expect(ok.data).toMatchObject({ page: 1, pageSize: 1, total: 1 });
    expect(ok.error).toBeUndefined();
    const bad = await stack.client.GET('/api/v1/vdns/{vdnId}/blacklist-import-tasks', { params: { path: { vdnId: 1 }, query: { pageSize: 500 } } });
    expect(bad.data).toBeUndefined();
    expect(bad.response.status).toBe(400);
    expect(bad.error?.invalidParams?.map((p) => p.name)).toEqual(['pageSize']);
  });

  it('pauses and resumes a campaign, blocks and unblocks a number (docs/design.md section 17)', async () => {
    const campaign = { params: { path: { vdnId: 1, campaignId: 1106025109 } } };
    const listed = await stack.client.GET('/api/v1/vdns/{vdnId}/campaigns', { params: { path: { vdnId: 1 }, query: { status: 'started' } } });
    expect(listed.data?.items.map((item) => item.id)).toEqual([1106025109]);
    expect((await stack.client.POST('/api/v1/vdns/{vdnId}/campaigns/{campaignId}/pause', campaign)).response.status).toBe(204);
    expect((await stack.client.GET('/api/v1/vdns/{vdnId}/campaigns/{campaignId}', campaign)).data?.status).toBe('paused');
    expect((await stack.client.POST('/api/v1/vdns/{vdnId}/campaigns/{campaignId}/resume', campaign)).response.status).toBe(204);
    const vdn = { params: { path: { vdnId: 3 } } };
    expect(
      (await stack.client.POST('/api/v1/vdns/{vdnId}/blocked-numbers', { ...vdn, body: { numbers: ['13100000042'], validityHours: 1 } })).response.status,
    ).toBe(204);
    const found = await stack.client.GET('/api/v1/vdns/{vdnId}/blocked-numbers', { params: { path: { vdnId: 3 }, query: { numbers: '13100000042' } } });
    expect(found.data?.items.map((item) => [item.number, item.valid])).toEqual([['13100000042', true]]);
    const one = { params: { path: { vdnId: 3, number: '13100000042' } } };
    expect((await stack.client.DELETE('/api/v1/vdns/{vdnId}/blocked-numbers/{number}', one)).response.status).toBe(204);
    const all = { params: { path: { vdnId: 3 }, query: { confirm: 'delete-all' as const } } };
    expect((await stack.client.DELETE('/api/v1/vdns/{vdnId}/blocked-numbers', all)).response.status).toBe(204);
  });
});
