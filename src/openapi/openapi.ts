import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SCHEME, applyAccessControl, BEARER_SCHEME } from './access-control.openapi';
import { applyEdgeStatuses } from './edge-statuses.openapi';
import { applyValidationRules } from './validation.openapi';

export const DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = `/${DOCS_PATH}/openapi.json`;

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('iSales gateway')
    .setDescription(
      'Clean REST over Huawei CC-iSales (outbound-call campaigns). The gateway signs every call with C2 AK/SK, ' +
        'pages with page/pageSize, normalises times to ISO 8601 UTC and keeps IDs as strings. ' +
        'Every error is RFC 9457 problem details (application/problem+json) with a requestId; ' +
        'errors caused by iSales carry its code in `upstream`. A method a path does not have answers 405 (with `Allow`); ' +
        'every rule the gateway enforces on an input is stated in its schema, and an input that breaks one is a 400.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'An access token of the identity provider (AUTH_JWKS_URL), with the `vdns` and `scope` claims',
      },
      BEARER_SCHEME,
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key configured (as its SHA-256) in AUTH_API_KEYS' }, API_KEY_SCHEME)
    // Relative: Swagger UI and clients call whichever host served the document.
    .addServer('/', 'This gateway')
    .addTag('blacklist import tasks', 'Imports of blacklist files into iSales, and how far each got.')
    .addTag('file servers', 'The SFTP servers iSales reads data files from (never their passwords).')
    .addTag('business results', 'The tree of business-result definitions agents pick from, cached per VDN.')
    .addTag('appointments', 'Reserved outbound calls: who is to be called back, when, by which agent.')
    .addTag(
      'call results',
      'How each outbound call ended, with its times in the tenant\u2019s zone: one by its id, or as iSales pushes them, as events and pages.',
    )
    .addTag('call data', 'The outbound data a campaign calls: writing back the business result of a call.')
    .addTag('campaign import tasks', 'Imports of call-data files into a campaign, and how far each got.')
    .addTag('campaigns', 'Outbound campaigns: what runs, paused or not, and pausing or resuming one.')
    .addTag('blocked numbers', 'The do-not-call list: numbers no campaign of the VDN may call, for a while or for good.')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Only a fallback: each route names its operationId (`listFileServers`), which the typed client
    // exposes as-is; test/openapi-quality.e2e-spec.ts rejects this form, so a new route cannot forget.
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  // The validation's rules, then the statuses every /api operation can answer: both derived, never written per route.
  return applyEdgeStatuses(applyAccessControl(applyValidationRules(app, document)));
}

/** Swagger UI at /docs and the document at /docs/openapi.json. */
export function setupSwagger(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: `/${DOCS_PATH}/openapi.yaml`,
    // validatorUrl null: Swagger UI would otherwise send the document's URL to swagger.io's public
    // validator, which an internal API must not do (and cannot reach on a closed network).
    swaggerOptions: { persistAuthorization: false, displayRequestDuration: true, validatorUrl: null },
  });
}
