import fc from 'fast-check';
import { ProblemDetails } from '../src/common/errors/problem';
import { useStack } from './support/harness';
import { responseContract } from './support/response-contract';
import { DocumentedOperation, DocumentInputs, OperationInput, requestOf } from './support/schema-arbitraries';

const VALIDATION_FAILED = 'urn:isales-gateway:problem:validation-failed';
/** A fixed seed and modest runs: the same requests on every run, about 1 700 in all (some 15 s). */
const RUNS = { valid: 40, invalid: 60, unauthenticated: 6 };
const SEED = 20;

/**
 * openapi.json as a contract, tested with requests generated from its own schemas against the
 * gateway in front of the simulator (issue 20): for every operation, inputs the document allows are
 * never refused as validation-failed, inputs that break exactly one of its rules always are, and no
 * answer is a 5xx or anything the document does not declare (every call is held to the document by
 * the harness, test/support/response-contract.ts).
 */
describe('the OpenAPI document says exactly what the gateway does', () => {
  const stack = useStack({ env: { RATE_LIMIT_MAX: '1000000' } });
  const inputs = new DocumentInputs(responseContract().document);

  async function call(operation: DocumentedOperation, input: OperationInput): Promise<{ status: number; problem?: ProblemDetails; context: string }> {
    const { path, init } = requestOf(operation, input);
    const response = await stack.request(path, init);
    // An event stream (streamCallResults) does not end: once it opened, it is closed.
    const streaming = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
    const text = streaming ? (await response.body?.cancel(), '') : await response.text();
    const context = `${operation.method} ${path} ${typeof init.body === 'string' ? init.body : ''} -> ${response.status} ${text.slice(0, 400)}`;
    const problem = response.status >= 400 && text ? (JSON.parse(text) as ProblemDetails) : undefined;
    return { status: response.status, problem, context };
  }

  it('covers every /api operation of the document', () => {
    expect(inputs.operations.length).toBeGreaterThanOrEqual(15);
  });

  describe.each(inputs.operations.map((operation) => [operation.operationId, operation] as const))('%s', (_id, operation) => {
    it('takes the request its own examples make', async () => {
      for (const input of inputs.exampleInputs(operation)) {
        expect({ input, allowed: inputs.allows(operation, input) }).toEqual({ input, allowed: true });
        const { status, problem, context } = await call(operation, input);
        expect({ context, serverError: status >= 500, refused: problem?.type === VALIDATION_FAILED }).toEqual({ context, serverError: false, refused: false });
      }
    });

    it('answers 401 to a request without credentials or with a wrong key, whatever its input', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(inputs.validInput(operation), inputs.invalidInput(operation)),
          fc.constantFrom(undefined, 'not-a-key'),
          async (input, key) => {
            const { path, init } = requestOf(operation, input);
            const headers = { ...(init.headers as Record<string, string> | undefined), ...(key && { 'x-api-key': key }) };
            const response = await stack.request(path, { ...init, headers, credentials: 'omit' });
            expect({ path, status: response.status }).toEqual({ path, status: 401 });
          },
        ),
        { seed: SEED, numRuns: RUNS.unauthenticated, endOnFailure: true },
      );
    });

    it('takes every input the document allows (never validation-failed, never a 5xx)', async () => {
      await fc.assert(
        fc.asyncProperty(inputs.validInput(operation), async (input) => {
          const { status, problem, context } = await call(operation, input);
          expect({ context, serverError: status >= 500, refused: problem?.type === VALIDATION_FAILED }).toEqual({
            context,
            serverError: false,
            refused: false,
          });
        }),
        { seed: SEED, numRuns: RUNS.valid, endOnFailure: true },
      );
    });

    it('refuses every input that breaks one of its rules, as validation-failed', async () => {
      await fc.assert(
        fc.asyncProperty(inputs.invalidInput(operation), async (input) => {
          const { status, problem, context } = await call(operation, input);
          expect({ context, status, type: problem?.type }).toEqual({ context, status: 400, type: VALIDATION_FAILED });
        }),
        { seed: SEED, numRuns: RUNS.invalid, endOnFailure: true },
      );
    });
  });
});
