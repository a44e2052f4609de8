import { createConfig, lint, type RawUniversalConfig } from '@redocly/openapi-core';
import { OPENAPI_PATH, responseContract } from './support/response-contract';

const document = responseContract().document;
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
);

/** Redocly's recommended set, every finding an error, plus what makes the document pleasant to build against. */
const RULES: RawUniversalConfig['rules'] = {
  // Every /api operation takes a bearer token or an API key (docs/design.md section 8).
  'security-defined': 'error',
  // An internal API: package.json says UNLICENSED, and there is no licence to point to.
  'info-license': 'off',
  'operation-summary': 'error',
  'operation-description': 'error',
  'operation-operationId': 'error',
  'operation-4xx-response': 'error',
  'operation-tag-defined': 'error',
  'tag-description': 'error',
  'no-invalid-media-type-examples': { severity: 'error', allowAdditionalProperties: false },
  'no-invalid-parameter-examples': { severity: 'error', allowAdditionalProperties: false },
  'no-invalid-schema-examples': { severity: 'error', allowAdditionalProperties: false },
};

describe('the OpenAPI document as a product', () => {
  it("passes Redocly's validator and linter with no finding at all", async () => {
    const config = await createConfig({ extends: ['recommended'], rules: RULES });
    const problems = await lint({ ref: OPENAPI_PATH, config });
    expect(problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
  });

  it('names each operation the way the typed client calls it', () => {
    expect(operations.map(({ operation }) => operation.operationId).sort()).toEqual(
      expect.arrayContaining([
        'dropBusinessResultsCache',
        'getBlacklistImportTask',
        'getBusinessResult',
        'getFileServer',
        'listAppointments',
        'listBlacklistImportTasks',
        'listBusinessResults',
        'listFileServers',
        'getCallResult',
        'writeCallDataBusinessResult',
        'listCampaignImportTasks',
        'listCampaigns',
        'getCampaign',
        'pauseCampaign',
        'resumeCampaign',
        'listBlockedNumbers',
        'addBlockedNumbers',
        'deleteBlockedNumber',
        'deleteAllBlockedNumbers',
      ]),
    );
  });

  describe.each(operations)('$route', ({ operation }) => {
    it('has an operationId that reads as a method (verbNoun), a summary and a description', () => {
      expect(operation.operationId).toMatch(/^[a-z]+(?:[A-Z][a-z]+)+$/);
      expect(operation.summary?.length).toBeGreaterThan(10);
      expect(operation.description?.length).toBeGreaterThan(10);
    });

    it('shows an example for every body it can answer, success and problem alike', () => {
      for (const [status, response] of Object.entries(operation.responses)) {
        expect(response.description).toBeTruthy();
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          expect({ status, mediaType, example: media.example }).toEqual({ status, mediaType, example: expect.anything() });
        }
      }
    });

    it('pre-fills every path parameter with an example (what Swagger UI sends on Try it out)', () => {
      for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'path')) {
        expect({ name: parameter.name, example: parameter.example ?? parameter.schema?.example }).toEqual({
          name: parameter.name,
          example: expect.anything(),
        });
      }
    });
  });
});
