export interface DemoAccess {
  /** Added to the gateway's environment. */
  env: Record<string, string>;
  /** Printed in the banner, for Swagger UI's Authorize and the curl examples. */
  apiKey: string | undefined;
}

/**
 * The credentials `npm run demo` gives the gateway. Access control (issue 9, design section 8)
 * plugs in here: the environment that makes the gateway accept one demo API key (AUTH_API_KEYS
 * with the key's SHA-256), and the key itself. Until then the gateway checks no credentials.
 */
export function demoAccess(): DemoAccess {
  return { env: {}, apiKey: undefined };
}
