import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './openapi.generated.js';

export type { components, operations, paths } from './openapi.generated.js';
export type * from './resources.js';

/** How the client proves who it is: an API key (`X-API-Key`) or a bearer token (a JWT). */
export type GatewayAuth =
  | { apiKey: string }
  /** A function is asked before every request, so a frontend can hand over a token it refreshes. */
  | { bearerToken: string | (() => string | Promise<string>) };

export interface GatewayClientOptions {
  /** Where the gateway answers, e.g. `https://isales-gateway.internal` (no `/api/v1`: paths carry it). */
  baseUrl: string;
  auth?: GatewayAuth;
  /** Sent with every request, e.g. `X-Request-Id` to follow a call through the gateway's logs. */
  headers?: Record<string, string>;
  /** Another fetch (a test's, an instrumented one); the platform's by default. */
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * One method per HTTP verb, typed by path: `client.GET('/api/v1/vdns/{vdnId}/file-servers', ...)`
 * resolves to `{ data }` on 2xx and `{ error }` (a `Problem`) otherwise, with the `response` always.
 */
export type GatewayClient = Client<paths>;

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.headers && { headers: options.headers }),
    ...(options.fetch && { fetch: options.fetch }),
  });
  if (options.auth) client.use(authenticate(options.auth));
  return client;
}

function authenticate(auth: GatewayAuth): Middleware {
  return {
    async onRequest({ request }) {
      if ('apiKey' in auth) {
        request.headers.set('X-API-Key', auth.apiKey);
      } else {
        const token = typeof auth.bearerToken === 'function' ? await auth.bearerToken() : auth.bearerToken;
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      return request;
    },
  };
}
