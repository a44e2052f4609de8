/** A rule the document cannot state: `npm run openapi` fails rather than publish a looser contract. */
export class UndocumentedRuleError extends Error {
  override readonly name = 'UndocumentedRuleError';
}
