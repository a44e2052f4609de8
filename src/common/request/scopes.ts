/**
 * What a principal may do (docs/design.md sections 8 and 14). Routes declare one (src/edge/scopes.decorator.ts),
 * the configured API keys grant them (src/config/api-keys.parser.ts), the edge checks them: one vocabulary
 * under all three, so it lives below them.
 */
export const SCOPES = ['isales:read', 'isales:write', 'isales:admin'] as const;
export type Scope = (typeof SCOPES)[number];
