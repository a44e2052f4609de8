import { createHash } from 'node:crypto';

export interface DemoAccess {
  /** Added to the gateway's environment. */
  env: Record<string, string>;
  /** Printed in the banner, for Swagger UI's Authorize and the curl examples; undefined when the caller configured access control. */
  apiKey: string | undefined;
}

/** The demo's API key: printed at start and used by the README's curl examples. Never use it elsewhere. */
export const DEMO_API_KEY = 'isales-demo-key';

/**
 * The credentials `npm run demo` gives the gateway (docs/design.md section 8): one API key with every VDN
 * and scope, configured by its SHA-256 like any other; unless the caller's environment configures
 * access control itself.
 */
export function demoAccess(env: NodeJS.ProcessEnv = process.env): DemoAccess {
  if (['AUTH_API_KEYS', 'AUTH_API_KEYS_FILE', 'AUTH_JWKS_URL', 'AUTH_DISABLED'].some((name) => env[name])) return { env: {}, apiKey: undefined };
  const sha256 = createHash('sha256').update(DEMO_API_KEY).digest('hex');
  const keys = [{ id: 'demo', sha256, vdns: '*', scopes: ['isales:read', 'isales:write', 'isales:admin'] }];
  return { env: { AUTH_API_KEYS: JSON.stringify(keys) }, apiKey: DEMO_API_KEY };
}
