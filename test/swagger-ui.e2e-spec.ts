import { once } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page, Response as BrowserResponse } from 'playwright-core';
import type { Simulator } from '../simulator/simulator';
import { launchChromium } from './support/browser';
import { GatewayProcess, startGatewayProcess } from './support/gateway-process';
import { startSimulator, TEST_AK, TEST_API_KEY, TEST_SK } from './support/harness';
import { responseContract } from './support/response-contract';

/** Git-ignored: what the page looked like, for a person to open after a run. */
const OUTPUT = resolve(__dirname, '../test-results/swagger-ui');

// A browser on a shared 2-core machine: slow to start, slow to render, never wrong for it.
jest.setTimeout(120_000);

const contract = responseContract();
const operationCount = Object.values(contract.document.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
/** Every GET route the document declares, so a new route is tried without touching this file. */
/** An event stream's answer never ends, so Swagger UI cannot show it: Try it out is for the GETs that answer a document. */
function isEventStream(operation: { responses?: Record<string, { content?: Record<string, unknown> }> }): boolean {
  const content = operation.responses?.['200']?.content ?? {};
  return Object.keys(content).length > 0 && Object.keys(content).every((type) => type === 'text/event-stream');
}
const getRoutes = Object.entries(contract.document.paths).flatMap(([path, methods]) => (methods.get && !isEventStream(methods.get) ? [{ path }] : []));

/**
 * The API-key scheme Swagger UI's Authorize dialog asks for (docs/design.md section 8). The key typed in is
 * the default test principal's, which the gateway process is configured with.
 */
const apiKeyScheme = Object.entries(contract.document.components?.securitySchemes ?? {})
  .map(([id, scheme]) => ({ id, ...scheme }))
  .find((scheme) => scheme.type === 'apiKey' && scheme.in === 'header');

// The built gateway, not the in-process one: only the build carries the Swagger CLI plugin's
// metadata (descriptions, examples, nullability), so only it serves the page users get.
describe('Swagger UI in headless Chromium (Debian package, driven by playwright-core)', () => {
  let simulator: Simulator;
  let gateway: GatewayProcess;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const checks: Array<Promise<string[]>> = [];

  /** The page's calls to the API are held to openapi.json like every other response of the suite. */
  async function violationsOf(response: BrowserResponse): Promise<string[]> {
    const request = response.request();
    if (!new URL(response.url()).pathname.startsWith('/api/')) return [];
    const body = await response.text();
    const observed = {
      method: request.method(),
      url: response.url(),
      status: response.status(),
      contentType: await response.headerValue('content-type'),
      body,
    };
    return contract.violations(observed).map((v) => `${request.method()} ${response.url()}: ${v}`);
  }

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    simulator = await startSimulator();
    // startGatewayProcess configures the default test principal, whose key Authorize takes below.
    gateway = await startGatewayProcess({ ISALES_BASE_URL: simulator.url, ISALES_AK: TEST_AK, ISALES_SK: TEST_SK, LOG_LEVEL: 'warn' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(30_000);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('requestfailed', (request) => consoleErrors.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => checks.push(violationsOf(response)));
  });

  afterAll(async () => {
    await browser?.close();
    gateway?.child.kill('SIGTERM');
    if (gateway) await once(gateway.child, 'exit');
    await simulator?.close();
  });

  it('loads /docs with every operation of the document, and no console error', async () => {
    await page.goto(`${gateway.url}/docs`);
    await page
      .locator('.opblock')
      .nth(operationCount - 1)
      .waitFor();
    expect(await page.locator('.opblock').count()).toBe(operationCount);
    expect(await page.locator('.info .title').textContent()).toContain('iSales gateway');
    await page.screenshot({ path: join(OUTPUT, 'swagger-ui.png') });
    expect(consoleErrors).toEqual([]);
  });

  it('takes the API key in the Authorize dialog', async () => {
    expect(apiKeyScheme).toMatchObject({ name: 'X-API-Key' });
    const scheme = apiKeyScheme!;
    await page.locator('.auth-wrapper button.authorize').click();
    const form = page.locator('.dialog-ux .auth-container').filter({ hasText: scheme.id });
    await form.locator('input').fill(TEST_API_KEY);
    await form.locator('button.authorize').click();
    await form.getByText('Authorized', { exact: true }).waitFor();
    // One Close per scheme (bearer and API key): any of them closes the dialog.
    await page.locator('.dialog-ux button.btn-done').first().click();
    await page.locator('.dialog-ux').waitFor({ state: 'detached' });
    expect(consoleErrors).toEqual([]);
  });

  it.each(getRoutes)('Try it out on GET $path answers 2xx with the examples it pre-fills', async ({ path }) => {
    const block = page.locator('.opblock.opblock-get').filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) });
    await block.locator('.opblock-summary').first().click();
    // Swagger UI fills the examples in as the parameter rows mount: Try it out before that leaves them empty.
    await block.locator('tr[data-param-in="path"] input').first().waitFor();
    await block.locator('button.try-out__btn').click();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET' && contract.operationFor('GET', r.url())?.template === path),
      block.locator('button.execute').click(),
    ]);
    expect(`${response.status()} ${decodeURIComponent(response.url())}`).toMatch(/^2\d\d /);
    expect(await response.request().headerValue(String(apiKeyScheme!.name))).toBe(TEST_API_KEY);
    const shown = block.locator('.live-responses-table tr.response .response-col_status').first();
    await shown.waitFor();
    expect(await shown.textContent()).toBe(String(response.status()));
    expect(consoleErrors).toEqual([]);
  });

  it('got answers that match openapi.json, logged no console error, and leaves screenshots', async () => {
    expect((await Promise.all(checks)).flat()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'swagger-ui-tried.png'), fullPage: true });
    expect(['swagger-ui.png', 'swagger-ui-tried.png'].filter((file) => !existsSync(join(OUTPUT, file)))).toEqual([]);
  });
});
